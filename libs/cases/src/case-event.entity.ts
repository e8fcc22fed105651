import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '#libs/queue';
import type { CaseStatus } from './case-lifecycle.js';

export type CaseEventType =
  | 'created'
  | 'claimed'
  | 'assigned'
  | 'released'
  | 'status_changed'
  | 'handoff_requested'
  | 'handoff_accepted'
  | 'handoff_returned'
  | 'handoff_overdue'
  | 'handoff_cancelled'
  | 'classified_by_hand'
  | 'reclassification_proposed'
  | 'follow_up_created'
  | 'note_added'
  | 'sla_warning'
  | 'sla_escalated'
  | 'personal_data_removed';

/** One entry in a case's history: who did what, when, from which status to which. Append-only. */
@Entity('case_event')
@Index('case_event_case', ['caseId', 'id'])
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'case_event_pkey' })
  id!: string;

  @ForeignKey('case', { name: 'case_event_case_id_fkey' })
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** null: the system (routing). */
  @ForeignKey('case_worker', { name: 'case_event_actor_id_fkey' })
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text')
  type!: CaseEventType;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: CaseStatus | null;

  @Column('text', { name: 'to_status', nullable: true })
  toStatus!: CaseStatus | null;

  @Column('jsonb', { default: () => "'{}'" })
  data!: JsonObject;

  @Column('text', { nullable: true })
  note!: string | null;
}
