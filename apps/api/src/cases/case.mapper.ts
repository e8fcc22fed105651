import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVELS, TEAMS, type ClassificationResult, type Level, type Team } from '#libs/classification';
import {
  CASE_RESULTS, CASE_STATUSES, CITIZEN_STATUSES, HANDOFF_STATUSES, citizenStatusOf,
  type Case, type CaseDetail, type CaseEvent, type CaseNote, type CaseResult, type CaseStatus, type CitizenStatus, type Handoff, type HandoffStatus,
} from '#libs/cases';
import { NATIONAL } from '#libs/staff';
import { toClassificationDto, type ClassificationDto } from '../intake/intake.mapper.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class CaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'WL-2026-000042' }) reference!: string;
  @ApiProperty({ example: 'AM26', description: `"${NATIONAL}" for the national worklist` }) regionCode!: string;
  @ApiProperty({ enum: TEAMS }) team!: Team;
  @ApiProperty({ enum: LEVELS }) level!: Level;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: CITIZEN_STATUSES }) citizenStatus!: CitizenStatus;
  @ApiPropertyOptional({ enum: CASE_RESULTS, nullable: true }) result!: CaseResult | null;
  @ApiPropertyOptional({ nullable: true }) assignedTo!: string | null;
  @ApiProperty({ enum: ['routing', 'follow_up'] }) origin!: string;
  @ApiPropertyOptional({ nullable: true }) parentCaseId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'SLA: first contact due (working days, Dutch holidays)' }) firstContactDueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'SLA: closing due' }) closeDueAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) firstContactAt!: string | null;
  @ApiProperty({ description: 'The clocks are paused while waiting for the citizen.' }) slaPaused!: boolean;
  @ApiProperty({ description: 'A crisis or housing emergency: first in every worklist, first contact due the same working day.' }) urgent!: boolean;
  @ApiProperty({ description: "Health information from the person's own words routed the case: ask for explicit consent at first contact, before anything else." }) consentToConfirm!: boolean;
  @ApiProperty({ description: 'A structured answer contradicts the question; the text decided the route (see the reasons). Check it with the person.' }) contradiction!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'When the team was warned that a deadline is near.' }) warnedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When a deadline passed and the coordinators were alerted.' }) escalatedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CaseEventDto {
  @ApiProperty() at!: string;
  @ApiProperty() type!: string;
  @ApiPropertyOptional({ nullable: true }) actorId!: string | null;
  @ApiPropertyOptional({ nullable: true }) fromStatus!: string | null;
  @ApiPropertyOptional({ nullable: true }) toStatus!: string | null;
  @ApiProperty() data!: object;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
}

export class CaseNoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() text!: string;
}

export class HandoffDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() fromRegionCode!: string;
  @ApiProperty({ enum: TEAMS }) fromTeam!: Team;
  @ApiProperty() toRegionCode!: string;
  @ApiProperty({ enum: TEAMS }) toTeam!: Team;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'The receiving team answers before this.' }) respondBy!: string;
  @ApiProperty({ enum: HANDOFF_STATUSES }) status!: HandoffStatus;
  @ApiPropertyOptional({ nullable: true }) responseReason!: string | null;
  @ApiPropertyOptional({ nullable: true }) overdueAt!: string | null;
}

export class ContactDto {
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() phone?: string;
}

export class CaseIntakeDto {
  @ApiProperty() role!: string;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ nullable: true }) pc4!: number | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: 'Scrubbed of BSN, IBAN, e-mail, phone numbers and full postcodes.' }) question!: string;
  @ApiPropertyOptional({ nullable: true }) person!: object | null;
  @ApiPropertyOptional({ nullable: true }) employer!: object | null;
  @ApiPropertyOptional({ type: ContactDto, nullable: true, description: 'Only for the team that holds the case.' }) contact!: ContactDto | null;
  @ApiPropertyOptional({ nullable: true, description: 'The automatic classification by the rules.' }) classification!: ClassificationDto | null;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ type: CaseIntakeDto }) intake!: CaseIntakeDto;
  @ApiProperty({ type: [CaseEventDto] }) history!: CaseEventDto[];
  @ApiProperty({ type: [CaseNoteDto] }) notes!: CaseNoteDto[];
  @ApiProperty({ type: [CaseSummaryDto] }) followUps!: CaseSummaryDto[];
  @ApiPropertyOptional({ type: HandoffDto, nullable: true }) pendingHandoff!: HandoffDto | null;
}

export function toCaseSummaryDto(c: Case): CaseSummaryDto {
  return {
    id: c.id,
    reference: c.reference,
    regionCode: c.regionCode ?? NATIONAL,
    team: c.team,
    level: c.level,
    status: c.status,
    citizenStatus: citizenStatusOf(c.status),
    result: c.result,
    assignedTo: c.assignedTo,
    origin: c.origin,
    parentCaseId: c.parentCaseId,
    firstContactDueAt: iso(c.firstContactDueAt),
    closeDueAt: iso(c.closeDueAt),
    firstContactAt: iso(c.firstContactAt),
    slaPaused: c.pausedAt !== null,
    urgent: c.urgent,
    consentToConfirm: c.consentToConfirm,
    contradiction: c.contradiction,
    warnedAt: iso(c.warnedAt),
    escalatedAt: iso(c.escalatedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toHandoffDto(h: Handoff): HandoffDto {
  return {
    id: h.id,
    caseId: h.caseId,
    fromRegionCode: h.fromRegionCode ?? NATIONAL,
    fromTeam: h.fromTeam,
    toRegionCode: h.toRegionCode ?? NATIONAL,
    toTeam: h.toTeam,
    reason: h.reason,
    requestedBy: h.requestedBy,
    requestedAt: h.requestedAt.toISOString(),
    respondBy: h.respondBy.toISOString(),
    status: h.status,
    responseReason: h.responseReason,
    overdueAt: iso(h.overdueAt),
  };
}

function toEventDto(e: CaseEvent): CaseEventDto {
  return { at: e.at.toISOString(), type: e.type, actorId: e.actorId, fromStatus: e.fromStatus, toStatus: e.toStatus, data: e.data, note: e.note };
}

export function toNoteDto(n: CaseNote): CaseNoteDto {
  return { id: n.id, at: n.at.toISOString(), authorId: n.authorId, text: n.text };
}

export function toCaseDetailDto(detail: CaseDetail, classification: ClassificationResult | null): CaseDetailDto {
  const { intake } = detail;
  return {
    ...toCaseSummaryDto(detail.case),
    intake: {
      role: intake.role,
      country: intake.country,
      pc4: intake.pc4,
      receivedAt: intake.receivedAt.toISOString(),
      question: intake.question,
      person: intake.person,
      employer: intake.employer,
      contact: detail.showContact ? intake.contact : null,
      classification: classification ? toClassificationDto(classification) : null,
    },
    history: detail.events.map(toEventDto),
    notes: detail.notes.map(toNoteDto),
    followUps: detail.followUps.map(toCaseSummaryDto),
    pendingHandoff: detail.pendingHandoff ? toHandoffDto(detail.pendingHandoff) : null,
  };
}
