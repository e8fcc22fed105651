import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's hash chain: each seal links one entry, in sealing order, to the seal before it
 * (hash = sha256(previous hash + the entry's canonical text)). Like the log itself it is append-only.
 */
export class AuditSeal1764288001000 implements MigrationInterface {
  name = 'AuditSeal1764288001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_seal (
        seq bigint PRIMARY KEY,
        entry_id bigint NOT NULL,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_seal_entry_id_key UNIQUE (entry_id),
        CONSTRAINT audit_seal_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES audit_log (id)
      );
      CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_seal
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_seal`);
  }
}
