import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case work: SLA clocks, escalations, assignment, hand-offs, follow-ups, notes and the append-only audit log. */
export class CaseWork1764288000300 implements MigrationInterface {
  name = 'CaseWork1764288000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox ADD COLUMN deliver_at timestamptz;

      ALTER TABLE case_worker
        ADD COLUMN max_open_cases integer,
        ADD COLUMN available boolean NOT NULL DEFAULT true,
        ADD COLUMN last_assigned_at timestamptz;

      ALTER TABLE "case"
        ADD COLUMN parent_case_id uuid REFERENCES "case"(id),
        ADD COLUMN clock_started_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN first_contact_due_at timestamptz,
        ADD COLUMN close_due_at timestamptz,
        ADD COLUMN first_contact_at timestamptz,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN next_due_at timestamptz,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN closed_at timestamptz;
      CREATE UNIQUE INDEX case_one_follow_up_per_team ON "case" (parent_case_id, team) WHERE origin = 'follow_up';
      DROP INDEX case_worklist;
      CREATE INDEX case_worklist ON "case" (region_code, team, status, next_due_at);
      CREATE INDEX case_assignee ON "case" (assigned_to) WHERE status <> 'closed';

      ALTER TABLE region_config
        ADD COLUMN sla jsonb,
        ADD COLUMN auto_assign_teams text[] NOT NULL DEFAULT '{}',
        ADD COLUMN handoff_response_hours integer;

      CREATE TABLE handoff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES "case"(id),
        from_region_code text,
        from_team text NOT NULL,
        to_region_code text,
        to_team text NOT NULL,
        reason text NOT NULL,
        requested_by uuid NOT NULL REFERENCES case_worker(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        respond_by timestamptz NOT NULL,
        status text NOT NULL,
        responded_by uuid REFERENCES case_worker(id),
        responded_at timestamptz,
        response_reason text,
        overdue_at timestamptz
      );
      CREATE UNIQUE INDEX handoff_one_pending_per_case ON handoff (case_id) WHERE status = 'pending';
      CREATE INDEX handoff_target ON handoff (to_region_code, to_team) WHERE status = 'pending';

      CREATE TABLE case_note (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case"(id),
        author_id uuid NOT NULL REFERENCES case_worker(id),
        at timestamptz NOT NULL DEFAULT now(),
        text text NOT NULL
      );
      CREATE INDEX case_note_case ON case_note (case_id, id);

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username text,
        action text NOT NULL,
        case_id uuid,
        reason text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_case ON audit_log (case_id, id);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
      -- Append-only: the log can be read and added to, never changed or emptied.
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER audit_log_append_only ON audit_log; DROP FUNCTION audit_log_is_append_only(); DROP TABLE audit_log;
      DROP TABLE case_note; DROP TABLE handoff;
      ALTER TABLE region_config DROP COLUMN sla, DROP COLUMN auto_assign_teams, DROP COLUMN handoff_response_hours;
      DROP INDEX case_assignee; DROP INDEX case_one_follow_up_per_team; DROP INDEX case_worklist;
      ALTER TABLE "case" DROP COLUMN parent_case_id, DROP COLUMN clock_started_at, DROP COLUMN first_contact_due_at,
        DROP COLUMN close_due_at, DROP COLUMN first_contact_at, DROP COLUMN paused_at, DROP COLUMN next_due_at,
        DROP COLUMN escalated_at, DROP COLUMN closed_at;
      CREATE INDEX case_worklist ON "case" (region_code, team, status, created_at);
      ALTER TABLE case_worker DROP COLUMN max_open_cases, DROP COLUMN available, DROP COLUMN last_assigned_at;
      ALTER TABLE outbox DROP COLUMN deliver_at;
    `);
  }
}
