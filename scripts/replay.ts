// npm run replay -- --ruleset <version | path/to/candidate.json> [--region AM26] [--from 2026-01-01] [--to 2027-01-01]
// Replays a candidate ruleset over the stored intakes of the database in DATABASE_URL (the operator's view: all
// regions unless --region) and prints what would change: route and level moves with example intake ids, and the
// worklist totals before and after. Reads only. The same report is at POST /api/v1/analysis/replay for analysts.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RULESETS, loadRuleset, type Ruleset } from '#libs/classification';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { ReplayService, ReportsModule, type ReplayChange } from '#libs/reports';

@Module({ imports: [ConfigModule, DatabaseModule, ReportsModule] })
class ReplayCliModule {}

const out = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function candidateOf(spec: string): Ruleset {
  const shipped = RULESETS.get(spec);
  if (shipped) return shipped;
  if (existsSync(spec)) return loadRuleset(spec);
  throw new Error(`--ruleset must be a shipped version (${[...RULESETS.keys()].join(', ')}) or a ruleset file`);
}

function dateArg(argv: readonly string[], name: string): Date | undefined {
  const value = arg(argv, name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`--${name} must be a date like 2026-01-01`);
  return date;
}

function table(title: string, changes: readonly ReplayChange[]): void {
  out(title);
  if (changes.length === 0) out('  (none)');
  for (const change of changes) out(`  ${`${change.from} → ${change.to}`.padEnd(36)} ${String(change.count).padStart(6)}   e.g. ${change.exampleIntakeIds.join(', ')}`);
  out();
}

async function main(argv: readonly string[]): Promise<void> {
  const spec = arg(argv, 'ruleset');
  if (!spec) throw new Error('usage: npm run replay -- --ruleset <version | file> [--region AM26] [--from YYYY-MM-DD] [--to YYYY-MM-DD]');
  const candidate = candidateOf(spec);
  const region = arg(argv, 'region');
  const from = dateArg(argv, 'from');
  const to = dateArg(argv, 'to');
  const context = await NestFactory.createApplicationContext(ReplayCliModule, { logger: ['error'] });
  try {
    const operator = { id: '00000000-0000-0000-0000-000000000000', username: 'replay-cli', role: 'admin' as const, regionCodes: [], teams: [] };
    const report = await context.get(ReplayService).replay(operator, { ...(region ? { regionCode: region } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, candidate);
    out(`Replay of ruleset ${report.candidateVersion} over ${report.replayed} intakes (${region ?? 'all regions'}, ${report.scope.from ?? '…'} – ${report.scope.to ?? '…'})`);
    out(`Classified before with: ${report.baselineVersions.join(', ') || '-'}; ${report.withoutText} without free text (retention)${report.truncated ? '; TRUNCATED: narrow the period' : ''}`);
    out(`Would change: ${report.changed} (${report.replayed === 0 ? 0 : ((100 * report.changed) / report.replayed).toFixed(1)}%)`);
    out();
    table('Route changes (from → to)', report.routeChanges);
    table('Level changes (from → to)', report.levelChanges);
    out('Worklist totals      before    after');
    for (const route of [...new Set([...Object.keys(report.routesBefore), ...Object.keys(report.routesAfter)])].sort()) {
      out(`  ${route.padEnd(18)} ${String(report.routesBefore[route] ?? 0).padStart(6)}   ${String(report.routesAfter[route] ?? 0).padStart(6)}`);
    }
    out(`  ${'urgent'.padEnd(18)} ${String(report.urgentBefore).padStart(6)}   ${String(report.urgentAfter).padStart(6)}`);
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2).filter((a) => a !== '--')).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
