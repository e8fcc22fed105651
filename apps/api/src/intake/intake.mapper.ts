import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVELS, REFERRALS, ROUTES, TEAMS, type ClassificationResult, type Level, type Referral, type Route, type Team } from '#libs/classification';
import { CASE_RESULTS, CITIZEN_STATUSES, type CaseResult, type CitizenStatus } from '#libs/cases';
import type { IntakePreview } from '#libs/intake';
import type { TrackingView } from '#libs/tracking';

export class IntakeAcceptedDto {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: ['received'] }) status!: 'received';
  @ApiProperty({ example: '/api/v1/intakes/abc' }) statusUrl!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'P4' }) rule!: string;
  @ApiProperty() text!: string;
}

export class ClassificationDto {
  @ApiProperty({ enum: LEVELS }) level!: Level;
  @ApiProperty({ enum: ROUTES }) route!: Route;
  @ApiProperty({ enum: TEAMS, isArray: true }) secondaryRoutes!: Team[];
  @ApiProperty({ enum: REFERRALS, isArray: true }) referrals!: Referral[];
  @ApiProperty({ type: [ReasonDto] }) reasons!: ReasonDto[];
  @ApiProperty({ example: '2.2.0' }) rulesetVersion!: string;
  @ApiProperty({ description: 'A crisis or housing emergency: a person contacts you the same working day.' }) urgent!: boolean;
  @ApiProperty({ description: 'Health information you wrote was used to route your question; we ask for your consent at first contact.' }) consentToConfirm!: boolean;
  @ApiProperty({ description: 'An answer in the form contradicts your question; we went by your question and a person checks it.' }) contradiction!: boolean;
}

/** The answer for someone under 16: nothing stored, the referral at once. */
export class UnstoredIntakeDto {
  @ApiProperty({ nullable: true, type: String, example: null }) trackingCode!: null;
  @ApiProperty({ type: ClassificationDto }) classification!: ClassificationDto;
}

export class RegionDto {
  @ApiProperty({ example: 'AM26' }) code!: string;
  @ApiProperty({ example: 'Midden-Brabant' }) name!: string;
}

export class IntakePreviewDto {
  @ApiProperty({ type: ClassificationDto }) classification!: ClassificationDto;
  @ApiPropertyOptional({ type: RegionDto, nullable: true }) region!: RegionDto | null;
  @ApiProperty({ description: "The question speaks of the person's own health and the special-category consent is not given: offer the consent box now." })
  consentHint!: boolean;
}

export class JourneyStepDto {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: CITIZEN_STATUSES }) step!: CitizenStatus;
  @ApiPropertyOptional({ enum: TEAMS, nullable: true, description: 'The team the question was with at this step.' }) team!: Team | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The case number of this step (a follow-up has its own).' }) caseReference!: string | null;
  @ApiPropertyOptional({ enum: CASE_RESULTS, nullable: true, description: 'The result, when closed.' }) result!: CaseResult | null;
}

export class IntakeStatusDto {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: CITIZEN_STATUSES }) status!: CitizenStatus;
  @ApiProperty() receivedAt!: string;
  @ApiPropertyOptional({ type: RegionDto, nullable: true }) region!: RegionDto | null;
  @ApiPropertyOptional({ type: ClassificationDto, nullable: true }) classification!: ClassificationDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'WL-2026-000042' }) caseReference!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'A person contacts you before this (until they did).' }) firstContactDueAt!: string | null;
  @ApiProperty({ type: [JourneyStepDto], description: 'The way of the question so far, across its cases.' }) journey!: JourneyStepDto[];
}

export function toAcceptedDto(trackingCode: string): IntakeAcceptedDto {
  return { trackingCode, status: 'received', statusUrl: `/api/v1/intakes/${trackingCode}` };
}

export function toClassificationDto(c: ClassificationResult): ClassificationDto {
  return {
    level: c.level,
    route: c.route,
    secondaryRoutes: c.secondaryRoutes,
    referrals: c.referrals,
    reasons: c.reasons.map((r) => ({ rule: r.rule, text: r.text })),
    rulesetVersion: c.rulesetVersion,
    // Classifications stored by ruleset 1.0.0 have no markers.
    urgent: c.urgent ?? false,
    consentToConfirm: c.consentToConfirm ?? false,
    contradiction: c.contradiction ?? false,
  };
}

export function toPreviewDto(preview: IntakePreview): IntakePreviewDto {
  return { classification: toClassificationDto(preview.classification), region: preview.region, consentHint: preview.consentHint };
}

export function toStatusDto(view: TrackingView): IntakeStatusDto {
  return {
    trackingCode: view.trackingCode,
    status: view.status,
    receivedAt: view.receivedAt.toISOString(),
    region: view.region ? { code: view.region.code, name: view.region.name } : null,
    classification: view.classification ? toClassificationDto(view.classification) : null,
    caseReference: view.caseReference,
    firstContactDueAt: view.firstContactDueAt?.toISOString() ?? null,
    journey: view.journey.map((step) => ({ at: step.at.toISOString(), step: step.step, team: step.team, caseReference: step.caseReference, result: step.result })),
  };
}
