import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes no query needs, which every write paid for:
 * - intake_unrouted (1764288000700) has the same definition as intake_unclassified (1764288000400); routing takes
 *   every intake out of that partial index, so the duplicate cost an index write per intake.
 * - case_worklist (region_code, team, status, next_due_at): worklist reads ask for open cases (case_open_worklist) and
 *   claims and automatic assignment for new ones (case_claimable), both partial indexes in the lists' order. A claim
 *   or status change moves the row out of a partial index, so PostgreSQL writes a new entry into every index of the
 *   case: one index fewer is one write fewer per change.
 */
export class DropRedundantIndexes1764288001400 implements MigrationInterface {
  name = 'DropRedundantIndexes1764288001400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX intake_unrouted`);
    await db.query(`DROP INDEX case_worklist`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX case_worklist ON "case" (region_code, team, status, next_due_at)`);
    await db.query(`CREATE INDEX intake_unrouted ON intake (received_at) WHERE classification IS NULL`);
  }
}
