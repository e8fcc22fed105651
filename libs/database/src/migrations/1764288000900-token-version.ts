import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-person token version: every access token carries the version it was issued under, and a password change,
 * deactivation, role or scope change or logout raises it, so older tokens stop working at once.
 */
export class TokenVersion1764288000900 implements MigrationInterface {
  name = 'TokenVersion1764288000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_worker ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_worker DROP COLUMN token_version`);
  }
}
