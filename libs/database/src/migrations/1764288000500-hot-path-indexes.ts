import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the queries that run on every case read, every worklist listing and every sweep. */
export class HotPathIndexes1764288000500 implements MigrationInterface {
  name = 'HotPathIndexes1764288000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX case_parent ON "case" (parent_case_id) WHERE parent_case_id IS NOT NULL;
      CREATE INDEX case_intake ON "case" (intake_id);
      CREATE INDEX case_open_worklist ON "case" (region_code, team, next_due_at) WHERE status <> 'closed';
      CREATE INDEX intake_personal_data_kept ON intake (received_at) WHERE personal_data_removed_at IS NULL;
      CREATE INDEX outbox_dispatched ON outbox (dispatched_at) WHERE dispatched_at IS NOT NULL;
      CREATE INDEX handoff_case ON handoff (case_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX handoff_case; DROP INDEX outbox_dispatched; DROP INDEX intake_personal_data_kept;
      DROP INDEX case_open_worklist; DROP INDEX case_intake; DROP INDEX case_parent;
    `);
  }
}
