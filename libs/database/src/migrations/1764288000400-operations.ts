import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadline warnings on the case, and the retention of personal data after a case is closed. */
export class Operations1764288000400 implements MigrationInterface {
  name = 'Operations1764288000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "case" ADD COLUMN warned_at timestamptz;
      ALTER TABLE intake ADD COLUMN personal_data_removed_at timestamptz;
      CREATE INDEX intake_unclassified ON intake (received_at) WHERE classification IS NULL;
      CREATE INDEX case_open_due ON "case" (next_due_at) WHERE status <> 'closed';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX case_open_due; DROP INDEX intake_unclassified;
      ALTER TABLE intake DROP COLUMN personal_data_removed_at;
      ALTER TABLE "case" DROP COLUMN warned_at;
    `);
  }
}
