import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEVELS, TEAMS, type Level, type Team } from '#libs/classification';
import { CASE_RESULTS, CASE_STATUSES, citizenStatusOf, type Case, type CaseDetail, type CaseEvent, type CaseResult, type CaseStatus, type CitizenStatus } from '#libs/cases';
import { NATIONAL } from '#libs/staff';
import { toClassificationDto, type ClassificationDto } from '../intake/intake.mapper.js';

export class CaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'WL-2026-000042' }) reference!: string;
  @ApiProperty({ example: 'AM26', description: `"${NATIONAL}" for the national worklist` }) regionCode!: string;
  @ApiProperty({ enum: TEAMS }) team!: Team;
  @ApiProperty({ enum: LEVELS }) level!: Level;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: ['received', 'routed', 'in_progress', 'waiting', 'closed'] }) citizenStatus!: CitizenStatus;
  @ApiPropertyOptional({ enum: CASE_RESULTS, nullable: true }) result!: CaseResult | null;
  @ApiPropertyOptional({ nullable: true }) assignedTo!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CaseEventDto {
  @ApiProperty() at!: string;
  @ApiProperty() type!: string;
  @ApiPropertyOptional({ nullable: true }) actorId!: string | null;
  @ApiPropertyOptional({ nullable: true }) fromStatus!: string | null;
  @ApiPropertyOptional({ nullable: true }) toStatus!: string | null;
  @ApiProperty() data!: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
}

export class CaseIntakeDto {
  @ApiProperty() role!: string;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ nullable: true }) pc4!: number | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: 'Scrubbed of BSN, IBAN, e-mail, phone numbers and full postcodes.' }) question!: string;
  @ApiPropertyOptional({ nullable: true }) person!: object | null;
  @ApiPropertyOptional({ nullable: true }) employer!: object | null;
  @ApiPropertyOptional({ nullable: true }) classification!: ClassificationDto | null;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ type: CaseIntakeDto }) intake!: CaseIntakeDto;
  @ApiProperty({ type: [CaseEventDto] }) history!: CaseEventDto[];
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
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toEventDto(e: CaseEvent): CaseEventDto {
  return { at: e.at.toISOString(), type: e.type, actorId: e.actorId, fromStatus: e.fromStatus, toStatus: e.toStatus, data: e.data, note: e.note };
}

export function toCaseDetailDto(detail: CaseDetail): CaseDetailDto {
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
      classification: intake.classification ? toClassificationDto(intake.classification) : null,
    },
    history: detail.events.map(toEventDto),
  };
}
