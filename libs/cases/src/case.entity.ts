import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Level, Team } from '#libs/classification';
import type { CaseResult, CaseStatus } from './case-lifecycle.js';

/** How a case came to be: by routing an intake, or as a follow-up on a secondary route. */
export type CaseOrigin = 'routing' | 'follow_up';

@Entity('case')
@Unique('case_reference_key', ['reference'])
// Routing creates exactly one case per intake, and a secondary route one follow-up per team, however often they run.
@Index('case_one_routed_per_intake', ['intakeId'], { unique: true, where: "origin = 'routing'" })
@Index('case_one_follow_up_per_team', ['parentCaseId', 'team'], { unique: true, where: "origin = 'follow_up'" })
@Index('case_intake', ['intakeId'])
@Index('case_parent', ['parentCaseId'], { where: 'parent_case_id IS NOT NULL' })
@Index('case_assignee', ['assignedTo'], { where: "status <> 'closed'" })
@Index('case_open_due', ['nextDueAt'], { where: "status <> 'closed'" })
/**
 * (region_code, team, urgent DESC, next_due_at, created_at, id) WHERE status <> 'closed': the worklist's whole order,
 * so that a page starts at its cursor (migration 1764288001300; before it, 1764288000600).
 * TypeORM cannot declare a descending index column, so it is named here and left alone (synchronize: false):
 * change it only in a hand-written migration (test/schema.e2e-spec.ts checks its definition).
 */
@Index('case_open_worklist', { synchronize: false })
/** (region_code, team, urgent DESC, next_due_at, created_at, id) WHERE status = 'new' (migration 1764288001100): the claim's order. */
@Index('case_claimable', { synchronize: false })
export class Case {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_pkey' })
  id!: string;

  /**
   * Human-readable case number, e.g. WL-2026-000042, set by the database: next_case_reference() and its sequence
   * case_reference_seq exist only in the migrations (TypeORM has no metadata for functions or sequences).
   */
  @Column({ type: 'text', insert: false, update: false, default: () => 'next_case_reference()' })
  reference!: string;

  @ForeignKey('intake', { name: 'case_intake_id_fkey' })
  @Column('uuid', { name: 'intake_id' })
  intakeId!: string;

  @Column('text')
  origin!: CaseOrigin;

  /** null: the national worklist (no region known yet). */
  @ForeignKey('region', { name: 'case_region_code_fkey' })
  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text')
  team!: Team;

  @Column('text')
  level!: Level;

  @Column('text')
  status!: CaseStatus;

  @Column('text', { nullable: true })
  result!: CaseResult | null;

  /** A crisis or housing emergency: first in every worklist, first contact due the same working day. */
  @Column('boolean', { default: false })
  urgent!: boolean;

  /** Health information from the person's own words routed the case: ask for consent at first contact. */
  @Column('boolean', { name: 'consent_to_confirm', default: false })
  consentToConfirm!: boolean;

  /** A structured answer contradicts the question; the text decided the route. Check it with the person. */
  @Column('boolean', { default: false })
  contradiction!: boolean;

  @ForeignKey('case_worker', { name: 'case_assigned_to_fkey' })
  @Column('uuid', { name: 'assigned_to', nullable: true })
  assignedTo!: string | null;

  /** The case this one follows up on (a secondary route confirmed by a case worker). */
  @ForeignKey('case', { name: 'case_parent_case_id_fkey' })
  @Column('uuid', { name: 'parent_case_id', nullable: true })
  parentCaseId!: string | null;

  /** When the case landed on its current worklist: the SLA clocks count from here. */
  @Column('timestamptz', { name: 'clock_started_at', default: () => 'now()' })
  clockStartedAt!: Date;

  @Column('timestamptz', { name: 'first_contact_due_at', nullable: true })
  firstContactDueAt!: Date | null;

  @Column('timestamptz', { name: 'close_due_at', nullable: true })
  closeDueAt!: Date | null;

  @Column('timestamptz', { name: 'first_contact_at', nullable: true })
  firstContactAt!: Date | null;

  /** Set while waiting for the citizen: the clocks are paused. */
  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  /** The deadline the worklist sorts by (first contact until it happened, then closing). */
  @Column('timestamptz', { name: 'next_due_at', nullable: true })
  nextDueAt!: Date | null;

  /** A deadline is near: the case was flagged for its team. */
  @Column('timestamptz', { name: 'warned_at', nullable: true })
  warnedAt!: Date | null;

  /** A deadline passed and the coordinator was alerted. */
  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
