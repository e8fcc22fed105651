import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVELS, REFERRALS, ROUTES, TEAMS, type ClassificationResult, type Level, type Referral, type Route, type Team } from '#libs/classification';
import { CITIZEN_STATUSES, type CitizenStatus } from '#libs/cases';
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
  @ApiProperty({ example: '2.0.0' }) rulesetVersion!: string;
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

export class IntakeStatusDto {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: CITIZEN_STATUSES }) status!: CitizenStatus;
  @ApiProperty() receivedAt!: string;
  @ApiPropertyOptional({ type: RegionDto, nullable: true }) region!: RegionDto | null;
  @ApiPropertyOptional({ type: ClassificationDto, nullable: true }) classification!: ClassificationDto | null;
  @ApiPropertyOptional({ nullable: true, example: 'WL-2026-000042' }) caseReference!: string | null;
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

export function toStatusDto(view: TrackingView): IntakeStatusDto {
  return {
    trackingCode: view.trackingCode,
    status: view.status,
    receivedAt: view.receivedAt.toISOString(),
    region: view.region ? { code: view.region.code, name: view.region.name } : null,
    classification: view.classification ? toClassificationDto(view.classification) : null,
    caseReference: view.caseReference,
  };
}
