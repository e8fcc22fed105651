import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ruleset 2.0.0 (issue 7): the classification's markers on the case (urgent first in every worklist), and a
 * region's choice of ruleset and of how health information in the person's own words is read.
 */
export class Classification21764288000600 implements MigrationInterface {
  name = 'Classification21764288000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "case"
        ADD COLUMN urgent boolean NOT NULL DEFAULT false,
        ADD COLUMN consent_to_confirm boolean NOT NULL DEFAULT false,
        ADD COLUMN contradiction boolean NOT NULL DEFAULT false;
      DROP INDEX case_open_worklist;
      CREATE INDEX case_open_worklist ON "case" (region_code, team, urgent DESC, next_due_at) WHERE status <> 'closed';
      ALTER TABLE region_config
        ADD COLUMN ruleset_version text,
        ADD COLUMN health_consent text CHECK (health_consent IN ('own_words', 'strict'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE region_config DROP COLUMN health_consent, DROP COLUMN ruleset_version;
      DROP INDEX case_open_worklist;
      CREATE INDEX case_open_worklist ON "case" (region_code, team, next_due_at) WHERE status <> 'closed';
      ALTER TABLE "case" DROP COLUMN contradiction, DROP COLUMN consent_to_confirm, DROP COLUMN urgent;
    `);
  }
}
