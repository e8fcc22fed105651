import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ClassificationResult, Country, EmployerFacts, Language, PersonFacts, Role } from '#libs/classification';

export interface Contact {
  email?: string;
  phone?: string;
}

export interface Consent {
  processing: boolean;
  specialCategoryData?: boolean;
}

/** A question as it was asked, minimised: PC4 only, scrubbed free text, contact only when asked for. */
@Entity('intake')
@Unique('intake_tracking_code_key', ['trackingCode'])
@Unique('intake_idempotency_key_key', ['idempotencyKey'])
@Index('intake_received', ['receivedAt'])
@Index('intake_unclassified', ['receivedAt'], { where: 'classification IS NULL' })
@Index('intake_personal_data_kept', ['receivedAt'], { where: 'personal_data_removed_at IS NULL' })
export class Intake {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'intake_pkey' })
  id!: string;

  @Column('text', { name: 'tracking_code' })
  trackingCode!: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Column('text')
  role!: Role;

  @Column('text')
  country!: Country;

  @Column('smallint', { nullable: true })
  pc4!: number | null;

  @ForeignKey('region', { name: 'intake_region_code_fkey' })
  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('text', { nullable: true })
  language!: Language | null;

  /** Scrubbed of BSN, IBAN, e-mail, phone numbers and full postcodes before it is stored. */
  @Column('text', { default: '' })
  question!: string;

  @Column('jsonb', { nullable: true })
  person!: PersonFacts | null;

  @Column('jsonb', { nullable: true })
  employer!: EmployerFacts | null;

  @Column('jsonb')
  consent!: Consent;

  @Column('jsonb', { nullable: true })
  contact!: Contact | null;

  @Column('timestamptz', { name: 'classified_at', nullable: true })
  classifiedAt!: Date | null;

  @Column('jsonb', { nullable: true })
  classification!: ClassificationResult | null;

  /** Routing attempts by the safety-net sweep that failed (kept here, not in Redis). */
  @Column('integer', { name: 'routing_attempts', default: 0 })
  routingAttempts!: number;

  /** The sweep leaves the intake alone until then (exponential backoff after a failure). */
  @Column('timestamptz', { name: 'routing_retry_at', nullable: true })
  routingRetryAt!: Date | null;

  /** The kind of the last routing error (no request data). */
  @Column('text', { name: 'routing_error', nullable: true })
  routingError!: string | null;

  /** Given up after the allowed attempts: routing_failed, for an admin to look at and retry. */
  @Column('timestamptz', { name: 'routing_failed_at', nullable: true })
  routingFailedAt!: Date | null;

  /** Contact details and free text are removed once the cases are closed past the retention period. */
  @Column('timestamptz', { name: 'personal_data_removed_at', nullable: true })
  personalDataRemovedAt!: Date | null;
}
