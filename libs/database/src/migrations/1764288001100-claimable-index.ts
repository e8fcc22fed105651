import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claiming takes the first new case of a worklist in worklist order (urgent first, then the nearest deadline). The
 * open-cases index also holds every assigned and running case, which a claim had to step over; this one holds only
 * the claimable ones, in exactly the claim's order, so a claim reads one index entry.
 */
export class ClaimableIndex1764288001100 implements MigrationInterface {
  name = 'ClaimableIndex1764288001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX case_claimable ON "case" (region_code, team, urgent DESC, next_due_at, created_at, id) WHERE status = 'new'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX case_claimable`);
  }
}
