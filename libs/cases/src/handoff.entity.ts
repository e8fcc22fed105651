import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Team } from '#libs/classification';

/** cancelled: the case closed or moved another way before the receiving team answered. */
export const HANDOFF_STATUSES = ['pending', 'accepted', 'returned', 'cancelled'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/**
 * A transfer between teams or regions is a request: the receiving team accepts it (the case moves) or returns it
 * with a reason. Until then the case stays where it is and both sides see it.
 */
@Entity('handoff')
@Index('handoff_one_pending_per_case', ['caseId'], { unique: true, where: "status = 'pending'" })
@Index('handoff_target', ['toRegionCode', 'toTeam'], { where: "status = 'pending'" })
@Index('handoff_case', ['caseId'])
export class Handoff {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'handoff_pkey' })
  id!: string;

  @ForeignKey('case', { name: 'handoff_case_id_fkey' })
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
  reason!: string;

  @ForeignKey('case_worker', { name: 'handoff_requested_by_fkey' })
  @Column('uuid', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at', default: () => 'now()' })
  requestedAt!: Date;

  /** The receiving team answers before this (working hours from the region's settings). */
  @Column('timestamptz', { name: 'respond_by' })
  respondBy!: Date;

  @Column('text')
  status!: HandoffStatus;

  @ForeignKey('case_worker', { name: 'handoff_responded_by_fkey' })
  @Column('uuid', { name: 'responded_by', nullable: true })
  respondedBy!: string | null;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt!: Date | null;

  @Column('text', { name: 'response_reason', nullable: true })
  responseReason!: string | null;

  /** Set when the deadline passed unanswered; the coordinators see it in their overview. */
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;
}
