import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome reports' own tables (libs/reports/src/report-facts.entity.ts): one narrow row per case and per
 * hand-off with the working times counted, kept up to date from the cases that changed. A statement trigger on
 * case_event queues the case of every new history event; each change to a case or its hand-offs writes one.
 * Existing cases are queued here, so the first refresh builds their rows.
 */
export class OutcomeReports1764288001200 implements MigrationInterface {
  name = 'OutcomeReports1764288001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_case (
        case_id uuid NOT NULL,
        origin text NOT NULL,
        region_code text,
        team text NOT NULL,
        level text NOT NULL,
        role text NOT NULL,
        urgent boolean NOT NULL,
        result text,
        received_at timestamptz NOT NULL,
        received_week date NOT NULL,
        landed_week date NOT NULL,
        closed_week date,
        classified_level text,
        classified_route text,
        classified_urgent boolean NOT NULL,
        has_secondary_routes boolean NOT NULL,
        has_referrals boolean NOT NULL,
        clock_started_at timestamptz NOT NULL,
        first_contact_at timestamptz,
        first_contact_due_at timestamptz,
        closed_at timestamptz,
        close_due_at timestamptz,
        paused_at timestamptz,
        contact_tenths integer,
        close_tenths integer,
        paused boolean NOT NULL,
        paused_tenths integer NOT NULL,
        CONSTRAINT report_case_pkey PRIMARY KEY (case_id)
      );
      CREATE INDEX report_case_received ON report_case (region_code, received_at) WHERE origin = 'routing';
      CREATE INDEX report_case_landed ON report_case (region_code, clock_started_at);
      CREATE INDEX report_case_closed ON report_case (region_code, closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX report_case_received_week ON report_case (received_week, region_code, classified_route, classified_urgent) WHERE origin = 'routing';
      CREATE INDEX report_case_closed_week ON report_case (closed_week, region_code, result) WHERE closed_week IS NOT NULL;
      CREATE INDEX report_case_landed_week ON report_case (landed_week, region_code, first_contact_at, first_contact_due_at, closed_at);

      CREATE TABLE report_handoff (
        handoff_id uuid NOT NULL,
        case_id uuid NOT NULL,
        from_region_code text,
        from_team text NOT NULL,
        to_region_code text,
        to_team text NOT NULL,
        status text NOT NULL,
        requested_at timestamptz NOT NULL,
        response_hours integer,
        answered_in_time boolean,
        overdue boolean NOT NULL,
        CONSTRAINT report_handoff_pkey PRIMARY KEY (handoff_id)
      );
      CREATE INDEX report_handoff_received ON report_handoff (to_region_code, requested_at);
      CREATE INDEX report_handoff_case ON report_handoff (case_id);

      CREATE TABLE report_dirty_case (
        id bigserial NOT NULL,
        case_id uuid NOT NULL,
        CONSTRAINT report_dirty_case_pkey PRIMARY KEY (id)
      );

      CREATE FUNCTION report_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_case (case_id) SELECT DISTINCT case_id FROM new_events;
        RETURN NULL;
      END $$;
      CREATE TRIGGER report_case_changed AFTER INSERT ON case_event
        REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION report_case_changed();

      INSERT INTO report_dirty_case (case_id) SELECT id FROM "case" ORDER BY created_at;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER report_case_changed ON case_event;
      DROP FUNCTION report_case_changed();
      DROP TABLE report_dirty_case;
      DROP TABLE report_handoff;
      DROP TABLE report_case;
    `);
  }
}
