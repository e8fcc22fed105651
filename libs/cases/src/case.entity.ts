import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Level, Team } from '#libs/classification';
import type { CaseResult, CaseStatus } from './case-lifecycle.js';

/** How a case came to be: by routing an intake, or as a follow-up on a secondary route. */
export type CaseOrigin = 'routing' | 'follow_up';

@Entity('case')
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable case number, e.g. WL-2026-000042 (set by the database). */
  @Column({ type: 'text', insert: false, update: false })
  reference!: string;

  @Column('uuid', { name: 'intake_id' })
  intakeId!: string;

  @Column('text')
  origin!: CaseOrigin;

  /** null: the national worklist (no region known yet). */
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

  @Column('uuid', { name: 'assigned_to', nullable: true })
  assignedTo!: string | null;

  /** The case this one follows up on (a secondary route confirmed by a case worker). */
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
