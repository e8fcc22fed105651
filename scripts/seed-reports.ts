// Generated cases for measuring the outcome reports: N cases (default 1,000,000) with their intakes, history and
// hand-offs, written with generate_series into a database of their own (dropped and created anew), then the report
// rows built by the same code the service uses (ReportFactsService.rebuildAll).
//   npm run seed:reports -- --cases 1000000 [--database postgres://postgres@127.0.0.1:5432/werkloket_reports]
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabaseExists, SCHEMA_OPTIONS } from '#libs/database';
import { ReportFactsService } from '#libs/reports';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
export const REPORTS_DATABASE = 'postgres://postgres@127.0.0.1:5432/werkloket_reports';
const CASES = Number(arg('cases', '1000000'));
const DATABASE = arg('database', process.env.REPORTS_DATABASE_URL ?? REPORTS_DATABASE);

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  out(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Two years of questions (from 1 June 2024) spread over the 35 regions and the national desk, in the mix of roles,
 * levels and teams of a loket: most cases closed with a result, some waiting for the citizen on the way, one in
 * ten handed off. Deterministic: case g gets the same values on every run.
 */
const GENERATE = `
  CREATE TEMP TABLE gen ON COMMIT DROP AS
  SELECT g,
         (SELECT array_agg(code ORDER BY code) FROM region) AS regions,
         timestamptz '2024-06-01 06:00Z' + ((g::bigint * 730 * 86400) / $1) * interval '1 second' + (g % 600) * interval '1 minute' AS received,
         (ARRAY['jobseeker','jobseeker','jobseeker','worker','worker','self_employed','employer','on_behalf'])[1 + g % 8] AS role,
         (ARRAY['top','top','middle','middle','base','base','undetermined','out_of_scope'])[1 + (g / 8) % 8] AS level,
         g % 37 = 0 AS national,
         -- Hashes of g, so that closing, waiting, hand-offs and urgency are independent of the region and each other.
         abs(hashint4(g + 3)) % 23 = 0 AS urgent,
         abs(hashint4(g)) % 10 < 8 AS closed,
         abs(hashint4(g + 1)) % 11 = 0 AS waited,
         abs(hashint4(g + 2)) % 10 = 9 AS handed_off,
         (ARRAY['placed_in_work','work_to_work','training_started','referred','withdrawn','no_contact','placed_in_work','referred'])[1 + (g / 3) % 8] AS result
  FROM generate_series(1, $1) AS g;
  ALTER TABLE gen ADD COLUMN team text, ADD COLUMN region text, ADD COLUMN intake_id uuid DEFAULT gen_random_uuid(), ADD COLUMN case_id uuid DEFAULT gen_random_uuid();
  UPDATE gen SET team = CASE WHEN role = 'employer' THEN 'wsp' WHEN level = 'top' THEN 'werkbedrijf' WHEN level IN ('middle', 'base') THEN 'mobiliteitsteam' ELSE 'triage' END,
                 region = CASE WHEN national THEN NULL ELSE regions[1 + g % array_length(regions, 1)] END;
`;

async function main(): Promise<void> {
  out(`Seeding ${CASES} cases into ${DATABASE.replace(/\/\/[^@]*@/, '//')}`);
  await dropDatabase(DATABASE).catch(() => undefined);
  await ensureDatabaseExists(DATABASE);
  const db = await new DataSource({ ...SCHEMA_OPTIONS, url: DATABASE, extra: { max: 4 } }).initialize();
  try {
    await step('migrations', () => db.runMigrations({ transaction: 'each' }));
    const [{ id: worker }] = await db.query<{ id: string }[]>(
      `INSERT INTO case_worker (username, password_hash, role, region_codes, teams) VALUES ('seed', '-', 'case_worker', '{}', '{}') RETURNING id`,
    );
    await step('intakes, cases, history and hand-offs', () =>
      db.transaction(async (m) => {
        // Bulk data of its own, not case work: the report rows are rebuilt below, so the queue trigger stays off.
        await m.query('ALTER TABLE case_event DISABLE TRIGGER report_case_changed');
        await m.query(GENERATE.replaceAll('$1', String(CASES)));
        await m.query(`
          INSERT INTO intake (id, tracking_code, request_hash, received_at, role, country, region_code, consent, classified_at, classification)
          SELECT intake_id, 'S' || g, 'seed', received, role, 'nl', region, '{"processing": true}', received,
                 jsonb_build_object('level', level, 'route', team, 'rulesetVersion', '2.0.0', 'language', 'nl', 'urgent', urgent,
                   'secondaryRoutes', CASE WHEN g % 4 = 0 THEN '["mobiliteitsteam"]'::jsonb ELSE '[]'::jsonb END,
                   'referrals', CASE WHEN g % 3 = 0 THEN '["uwv"]'::jsonb ELSE '[]'::jsonb END, 'firedRules', '[]'::jsonb, 'reasons', '[]'::jsonb)
          FROM gen`);
        // eslint-disable-next-line no-restricted-syntax -- generated report data in a database of its own, not case work
        await m.query(`
          INSERT INTO "case" (id, reference, intake_id, origin, region_code, team, level, status, result, urgent, clock_started_at, first_contact_due_at,
                              close_due_at, first_contact_at, closed_at, paused_at, created_at, updated_at)
          SELECT case_id, 'SEED-' || g, intake_id, 'routing', region, team, level,
                 CASE WHEN closed THEN 'closed' WHEN g % 5 = 0 THEN 'new' ELSE 'in_progress' END,
                 CASE WHEN closed THEN result END, urgent, received,
                 received + interval '2 days' + (g % 3) * interval '1 day', received + interval '40 days',
                 CASE WHEN closed OR g % 5 <> 0 THEN received + (g % 97) * interval '1 hour' END,
                 CASE WHEN closed THEN received + (2 + g % 53) * interval '1 day' END,
                 NULL, received, received
          FROM gen`);
        // eslint-disable-next-line no-restricted-syntax -- generated report data in a database of its own, not case work
        await m.query(`
          INSERT INTO case_event (case_id, at, type, from_status, to_status)
          SELECT case_id, received, 'created', NULL, 'new' FROM gen
          UNION ALL SELECT case_id, received + (g % 97) * interval '1 hour', 'status_changed', 'new', 'waiting_for_citizen' FROM gen WHERE waited
          UNION ALL SELECT case_id, received + (g % 97) * interval '1 hour' + (1 + g % 5) * interval '1 day', 'status_changed', 'waiting_for_citizen', 'in_progress' FROM gen WHERE waited
          UNION ALL SELECT case_id, received + (2 + g % 53) * interval '1 day', 'status_changed', 'in_progress', 'closed' FROM gen WHERE closed`);
        await m.query(`
          INSERT INTO handoff (case_id, from_region_code, from_team, to_region_code, to_team, reason, requested_by, requested_at, respond_by, status, responded_at, response_reason, overdue_at)
          SELECT case_id, region, team, region, CASE WHEN team = 'werkbedrijf' THEN 'mobiliteitsteam' ELSE 'werkbedrijf' END, 'seed', $1,
                 received + interval '3 hours', received + interval '51 hours',
                 (ARRAY['accepted','accepted','accepted','returned','cancelled'])[1 + g % 5],
                 received + interval '3 hours' + (g % 71) * interval '1 hour',
                 CASE WHEN g % 5 = 3 THEN 'seed' END,
                 CASE WHEN g % 71 > 48 THEN received + interval '51 hours' END
          FROM gen WHERE handed_off`, [worker]);
        await m.query('ALTER TABLE case_event ENABLE TRIGGER report_case_changed');
      }),
    );
    await step('analyze', () => db.query('ANALYZE'));
    const facts = new ReportFactsService(db);
    let last = Date.now();
    await step('report rows (ReportFactsService.rebuildAll)', () =>
      facts.rebuildAll(5000, (done) => {
        if (Date.now() - last > 10_000) {
          out(`  ${done} cases`);
          last = Date.now();
        }
      }),
    );
    await step('vacuum and analyze report tables', async () => {
      await db.query('VACUUM ANALYZE report_case');
      await db.query('VACUUM ANALYZE report_handoff');
    });
    const [counts] = await db.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM "case") AS cases, (SELECT count(*) FROM case_event) AS events, (SELECT count(*) FROM handoff) AS handoffs,
              (SELECT count(*) FROM report_case) AS report_cases, (SELECT count(*) FROM report_handoff) AS report_handoffs,
              pg_size_pretty(pg_total_relation_size('report_case')) AS report_case_size`,
    );
    out(JSON.stringify(counts));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
