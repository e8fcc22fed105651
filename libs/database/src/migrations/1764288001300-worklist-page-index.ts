import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist is read a page at a time, after the sort key of the last case shown (keyset paging). Its order ends
 * in created_at and id, which the open-cases index lacked: PostgreSQL sorted each run of equal deadlines (urgent
 * cases share the end of their working day, cases opened in one millisecond share created_at) and filtered its way
 * to the cursor.
 * With the whole order in the index a page starts at the cursor and reads only its own rows. The metrics and the
 * overview keep using the index as before (its leading columns did not change). Rebuilt in the migration's
 * transaction, like migration 1764288000600 did: writes to cases wait for the build (0.7 s per 500,000 cases).
 */
export class WorklistPageIndex1764288001300 implements MigrationInterface {
  name = 'WorklistPageIndex1764288001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX case_open_worklist;
      CREATE INDEX case_open_worklist ON "case" (region_code, team, urgent DESC, next_due_at, created_at, id) WHERE status <> 'closed';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX case_open_worklist;
      CREATE INDEX case_open_worklist ON "case" (region_code, team, urgent DESC, next_due_at) WHERE status <> 'closed';
    `);
  }
}
