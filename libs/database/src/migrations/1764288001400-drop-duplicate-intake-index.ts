import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * intake_unrouted (1764288000700) has the same definition as intake_unclassified (1764288000400). Routing takes every
 * intake out of that partial index, so each duplicate cost an index write per intake twice over for nothing.
 */
export class DropDuplicateIntakeIndex1764288001400 implements MigrationInterface {
  name = 'DropDuplicateIntakeIndex1764288001400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX intake_unrouted`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX intake_unrouted ON intake (received_at) WHERE classification IS NULL`);
  }
}
