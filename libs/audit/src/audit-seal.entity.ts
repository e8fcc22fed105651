import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';

/**
 * One link of the audit log's hash chain (append-only, trigger audit_seal_append_only in migration 1764288001000):
 * the entry it seals, in sealing order, and sha256(previous link's hash + the entry's canonical text).
 */
@Entity('audit_seal')
@Unique('audit_seal_entry_id_key', ['entryId'])
export class AuditSeal {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_seal_pkey' })
  seq!: string;

  @Column('bigint', { name: 'entry_id' })
  @ForeignKey('audit_log', { name: 'audit_seal_entry_id_fkey' })
  entryId!: string;

  @Column('text')
  hash!: string;

  @Column('timestamptz', { name: 'sealed_at', default: () => 'now()' })
  sealedAt!: Date;
}
