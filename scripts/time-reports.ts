// Times each outcome report on the database seed:reports filled, as the API runs it (OutcomeReportsService): N runs
// per report and scope, then the plan of every query of one run (EXPLAIN ANALYZE, the top lines).
//   npm run time:reports [-- --runs 5 --database postgres://postgres@127.0.0.1:5432/werkloket_reports --plans]
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SCHEMA_OPTIONS } from '#libs/database';
import { RegionConfig, RegionsService } from '#libs/regions';
import { OUTCOME_REPORTS, OutcomeReportsService, ReportFactsService } from '#libs/reports';
import type { Actor } from '#libs/staff';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const RUNS = Number(arg('runs', '5'));
const DATABASE = arg('database', process.env.REPORTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/werkloket_reports');
const PLANS = process.argv.includes('--plans');

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const admin: Actor = { id: '00000000-0000-4000-8000-000000000001', username: 'timing', role: 'admin', regionCodes: [], teams: [] };
const analyst: Actor = { id: '00000000-0000-4000-8000-000000000002', username: 'timing', role: 'analyst', regionCodes: ['AM26'], teams: [] };

const SCOPES = [
  { name: 'AM26, one year', actor: analyst, filter: { regionCode: 'AM26', from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') } },
  { name: 'AM26, all time', actor: analyst, filter: { regionCode: 'AM26' } },
  { name: 'all regions, one year', actor: admin, filter: { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') } },
  { name: 'all regions, all time', actor: admin, filter: {} },
];

async function main(): Promise<void> {
  const db = await new DataSource({ ...SCHEMA_OPTIONS, url: DATABASE, extra: { max: 8 } }).initialize();
  const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM report_case');
  out(`report_case rows: ${n}; ${RUNS} runs per report and scope (ms: median / max)`);
  // The region settings are read as the API reads them; the audit service is only used for changes.
  const regions = new RegionsService(db, db.getRepository(RegionConfig), null as never);
  const reports = new OutcomeReportsService(db, new ReportFactsService(db), regions);
  const now = new Date('2026-06-01T00:00:00Z');
  const slowest: number[] = [];
  try {
    for (const scope of SCOPES) {
      const cells: string[] = [];
      for (const report of OUTCOME_REPORTS) {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          await reports.report(report, scope.actor, scope.filter, now);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        slowest.push(times.at(-1)!);
        cells.push(`${report} ${times[Math.floor(times.length / 2)].toFixed(0)} / ${times.at(-1)!.toFixed(0)}`);
      }
      out(`${scope.name.padEnd(24)} ${cells.join('   ')}`);
    }
    out(`slowest single run: ${Math.max(...slowest).toFixed(0)} ms`);
    if (PLANS) {
      // Every query of one run of each report for the widest scope, with its plan (EXPLAIN ANALYZE, top lines).
      const original = db.query.bind(db);
      const seen: { sql: string; params: unknown[] }[] = [];
      (db as { query: typeof db.query }).query = (async (sql: string, params?: unknown[]) => {
        if (/report_(case|handoff)\b/.test(sql) && !/^\s*(DELETE|INSERT)/.test(sql)) seen.push({ sql, params: params ?? [] });
        return original(sql, params);
      }) as typeof db.query;
      for (const scope of [SCOPES[0], SCOPES[3]]) {
        for (const report of OUTCOME_REPORTS) {
          seen.length = 0;
          await reports.report(report, scope.actor, scope.filter, now);
          for (const { sql, params } of seen) {
            const plan = await original<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
            const lines = plan.map((row) => row['QUERY PLAN']);
            const scans = lines.filter((line) => /Scan|Aggregate|Sort /.test(line)).map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, ''));
            out(`\n${report} (${scope.name}): ${sql.replace(/\s+/g, ' ').slice(0, 90)}…`);
            for (const line of scans.slice(0, 6)) out(`  ${line.slice(0, 150)}`);
            out(`  ${lines.find((line) => line.startsWith('Execution Time'))}`);
          }
        }
      }
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
