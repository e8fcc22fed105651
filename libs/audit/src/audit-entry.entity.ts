import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit log (a database trigger refuses updates and deletes). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
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
