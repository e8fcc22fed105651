import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9: the sweep's routing attempts live in PostgreSQL (not in Redis, which may lose them): how often an intake
 * failed, when to try again (exponential backoff), the last error kind, and when it was given up as routing_failed.
 */
export class RoutingFailures1764288000700 implements MigrationInterface {
  name = 'RoutingFailures1764288000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE intake
        ADD COLUMN routing_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN routing_retry_at timestamptz,
        ADD COLUMN routing_error text,
        ADD COLUMN routing_failed_at timestamptz;
      CREATE INDEX intake_unrouted ON intake (received_at) WHERE classification IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX intake_unrouted;
      ALTER TABLE intake DROP COLUMN routing_failed_at, DROP COLUMN routing_error, DROP COLUMN routing_retry_at, DROP COLUMN routing_attempts;
    `);
  }
}
