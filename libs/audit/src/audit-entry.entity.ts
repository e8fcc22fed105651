import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only audit log. The trigger that refuses updates, deletes and truncation
 * (audit_log_append_only, migration 1764288000300) exists only in the migration: TypeORM has no trigger metadata.
 * actor_id and case_id have no foreign keys on purpose: the log outlives what it names.
 */
@Entity('audit_log')
@Index('audit_log_case', ['caseId', 'id'])
@Index('audit_log_actor', ['actorId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' })
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_username', nullable: true })
  actorUsername!: string | null;

  /** What happened, e.g. case.read, case.status_changed, user.created. */
  @Column('text')
  action!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  /** Why: the reason given by the actor, or the purpose of the access. */
  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  details!: { [key: string]: string | number | boolean | null | string[] };
}
