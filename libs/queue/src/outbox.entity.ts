import type { QueueName } from './queue-names.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JsonObject } from './json.js';

@Entity('outbox')
@Unique('outbox_job_id_key', ['jobId'])
@Index('outbox_pending', ['id'], { where: 'dispatched_at IS NULL' })
@Index('outbox_dispatched', ['dispatchedAt'], { where: 'dispatched_at IS NOT NULL' })
export class OutboxEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'outbox_pkey' })
  id!: string;

  @Column('text')
  queue!: QueueName;

  @Column('text', { name: 'job_name' })
  jobName!: string;

  @Column('text', { name: 'job_id' })
  jobId!: string;

  @Column('jsonb')
  payload!: JsonObject;

  /** For delayed jobs (deadlines): when the job should run. */
  @Column('timestamptz', { name: 'deliver_at', nullable: true })
  deliverAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt!: Date | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}
