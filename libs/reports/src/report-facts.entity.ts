import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Level, Role, Route, Team } from '#libs/classification';
import type { CaseResult, HandoffStatus } from '#libs/cases';

/**
 * One row per case for the outcome reports (migration 1764288001200): what a report may know of a case, without
 * free text or contact details, with its working times counted (libs/reports/src/case-facts.ts). Kept up to date
 * by `ReportFactsService` from the cases that changed; derived data, so it has no foreign keys.
 */
@Entity('report_case')
@Index('report_case_received', ['regionCode', 'receivedAt'], { where: "origin = 'routing'" })
@Index('report_case_landed', ['regionCode', 'clockStartedAt'])
@Index('report_case_closed', ['regionCode', 'closedAt'], { where: 'closed_at IS NOT NULL' })
// The weekly trends compare with every region: these serve them from the index alone.
@Index('report_case_received_week', ['receivedWeek', 'regionCode', 'classifiedRoute', 'classifiedUrgent'], { where: "origin = 'routing'" })
@Index('report_case_closed_week', ['closedWeek', 'regionCode', 'result'], { where: 'closed_week IS NOT NULL' })
@Index('report_case_landed_week', ['landedWeek', 'regionCode', 'firstContactAt', 'firstContactDueAt', 'closedAt'])
export class ReportCase {
  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'report_case_pkey' })
  caseId!: string;

  @Column('text')
  origin!: 'routing' | 'follow_up';

  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text')
  team!: Team;

  @Column('text')
  level!: Level;

  @Column('text')
  role!: Role;

  @Column('boolean')
  urgent!: boolean;

  @Column('text', { nullable: true })
  result!: CaseResult | null;

  /** When the question arrived (the intake). */
  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** The Monday (Amsterdam) of the week the question arrived, the case landed on its team, and it closed. */
  @Column('date', { name: 'received_week' })
  receivedWeek!: string;

  @Column('date', { name: 'landed_week' })
  landedWeek!: string;

  @Column('date', { name: 'closed_week', nullable: true })
  closedWeek!: string | null;

  /** The automatic classification of the question: where the rules sent it. */
  @Column('text', { name: 'classified_level', nullable: true })
  classifiedLevel!: Level | null;

  @Column('text', { name: 'classified_route', nullable: true })
  classifiedRoute!: Route | null;

  @Column('boolean', { name: 'classified_urgent' })
  classifiedUrgent!: boolean;

  @Column('boolean', { name: 'has_secondary_routes' })
  hasSecondaryRoutes!: boolean;

  @Column('boolean', { name: 'has_referrals' })
  hasReferrals!: boolean;

  @Column('timestamptz', { name: 'clock_started_at' })
  clockStartedAt!: Date;

  @Column('timestamptz', { name: 'first_contact_at', nullable: true })
  firstContactAt!: Date | null;

  @Column('timestamptz', { name: 'first_contact_due_at', nullable: true })
  firstContactDueAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'close_due_at', nullable: true })
  closeDueAt!: Date | null;

  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  /** Working time from landing on the team to first contact, in tenths of a working day (rounded up). */
  @Column('integer', { name: 'contact_tenths', nullable: true })
  contactTenths!: number | null;

  @Column('integer', { name: 'close_tenths', nullable: true })
  closeTenths!: number | null;

  @Column('boolean')
  paused!: boolean;

  @Column('integer', { name: 'paused_tenths' })
  pausedTenths!: number;
}

/** One row per hand-off for the outcome reports (migration 1764288001200); the reasons stay behind. */
@Entity('report_handoff')
@Index('report_handoff_received', ['toRegionCode', 'requestedAt'])
@Index('report_handoff_case', ['caseId'])
export class ReportHandoff {
  @PrimaryColumn('uuid', { name: 'handoff_id', primaryKeyConstraintName: 'report_handoff_pkey' })
  handoffId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'from_region_code', nullable: true })
  fromRegionCode!: string | null;

  @Column('text', { name: 'from_team' })
  fromTeam!: Team;

  @Column('text', { name: 'to_region_code', nullable: true })
  toRegionCode!: string | null;

  @Column('text', { name: 'to_team' })
  toTeam!: Team;

  @Column('text')
  status!: HandoffStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  /** Accepted or returned: working hours until the answer, rounded up. */
  @Column('integer', { name: 'response_hours', nullable: true })
  responseHours!: number | null;

  @Column('boolean', { name: 'answered_in_time', nullable: true })
  answeredInTime!: boolean | null;

  @Column('boolean')
  overdue!: boolean;
}

/**
 * Cases whose report rows are out of date: a trigger on case_event adds the case of every new history event (every
 * change to a case or its hand-offs writes exactly one), in the writer's transaction, so only committed changes are
 * seen and none is missed. `ReportFactsService.refresh` takes them.
 */
@Entity('report_dirty_case')
export class ReportDirtyCase {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'report_dirty_case_pkey' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;
}
