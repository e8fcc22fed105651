import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE region (
        code text PRIMARY KEY,
        name text NOT NULL UNIQUE
      );
      CREATE TABLE gemeente (
        code text PRIMARY KEY,
        name text NOT NULL,
        region_code text NOT NULL REFERENCES region(code)
      );
      CREATE TABLE pc4 (
        pc4 smallint PRIMARY KEY,
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        region_code text NOT NULL REFERENCES region(code),
        share numeric(5,4) NOT NULL
      );

      CREATE TABLE case_worker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL,
        region_codes text[] NOT NULL DEFAULT '{}',
        teams text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE intake (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_code text NOT NULL UNIQUE,
        idempotency_key text UNIQUE,
        request_hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        role text NOT NULL,
        country text NOT NULL,
        pc4 smallint,
        region_code text REFERENCES region(code),
        language text,
        question text NOT NULL DEFAULT '',
        person jsonb,
        employer jsonb,
        consent jsonb NOT NULL,
        contact jsonb,
        classified_at timestamptz,
        classification jsonb
      );

      -- Transactional outbox: written with the intake, relayed to BullMQ after commit.
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;

      CREATE SEQUENCE case_reference_seq;
      CREATE TABLE "case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE
          DEFAULT 'WL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
        intake_id uuid NOT NULL REFERENCES intake(id),
        origin text NOT NULL,
        region_code text REFERENCES region(code),
        team text NOT NULL,
        level text NOT NULL,
        status text NOT NULL,
        result text,
        assigned_to uuid REFERENCES case_worker(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Routing creates exactly one case per intake, however often the job runs.
      CREATE UNIQUE INDEX case_one_routed_per_intake ON "case" (intake_id) WHERE origin = 'routing';
      CREATE INDEX case_worklist ON "case" (region_code, team, status, created_at);

      CREATE TABLE case_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case"(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES case_worker(id),
        type text NOT NULL,
        from_status text,
        to_status text,
        data jsonb NOT NULL DEFAULT '{}',
        note text
      );
      CREATE INDEX case_event_case ON case_event (case_id, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE case_event; DROP TABLE "case"; DROP SEQUENCE case_reference_seq; DROP TABLE outbox;
      DROP TABLE intake; DROP TABLE case_worker; DROP TABLE pc4; DROP TABLE gemeente; DROP TABLE region;
    `);
  }
}
