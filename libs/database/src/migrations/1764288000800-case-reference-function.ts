import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case reference (WL-2026-000042) comes from a function instead of an inline expression, with the same result.
 * PostgreSQL reports the inline expression with casts (`::text`) that TypeORM strips before comparing, so no valid
 * entity default could match it; `next_case_reference()` reads the same in the entity and in the database.
 */
export class CaseReferenceFunction1764288000800 implements MigrationInterface {
  name = 'CaseReferenceFunction1764288000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION next_case_reference() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT 'WL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0')
      $$;
      ALTER TABLE "case" ALTER COLUMN reference SET DEFAULT next_case_reference();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "case" ALTER COLUMN reference
        SET DEFAULT 'WL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0');
      DROP FUNCTION next_case_reference();
    `);
  }
}
