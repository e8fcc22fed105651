import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Manual classification next to the automatic one, and per-region configuration (e.g. the base route). */
export class HumanLoop1764288000200 implements MigrationInterface {
  name = 'HumanLoop1764288000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE manual_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        intake_id uuid NOT NULL REFERENCES intake(id),
        case_id uuid NOT NULL REFERENCES "case"(id),
        actor_id uuid NOT NULL REFERENCES case_worker(id),
        kind text NOT NULL,
        level text NOT NULL,
        route text NOT NULL,
        secondary_routes text[] NOT NULL DEFAULT '{}',
        region_code text,
        reason text NOT NULL,
        automatic_level text NOT NULL,
        automatic_route text NOT NULL,
        fired_rules text[] NOT NULL,
        ruleset_version text NOT NULL,
        overrules boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX manual_decision_intake ON manual_decision (intake_id, created_at);

      CREATE TABLE region_config (
        region_code text PRIMARY KEY REFERENCES region(code),
        base_route text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES case_worker(id)
      );
      CREATE INDEX intake_received ON intake (received_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX intake_received; DROP TABLE region_config; DROP TABLE manual_decision;`);
  }
}
