import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { slaTargetFor } from '#libs/cases';
import { LEVELS, TEAMS, type Level, type Team } from '#libs/classification';
import { RegionsService } from '#libs/regions';
import type { Actor } from '#libs/staff';
import { buildCube, type CubeGroup, type CubeSpec, type ReportTable } from './cube.js';
import { NOT_APPLICABLE, SUPPRESSED, SUPPRESSED_SECONDARY, SUPPRESSION_THRESHOLD } from './disclosure.js';
import { HANDOFFS_SPEC, OUTCOMES_SPEC, TIMELINESS_SPEC, TREND_SHARES, VOLUME_SPEC, trendsSpec, type TrendCount } from './outcome-specs.js';
import { percentile } from './percentile.js';
import { ReportFactsService } from './report-facts.service.js';
import { reportScope, type ReportFilter } from './report-scope.js';

export const OUTCOME_REPORTS = ['volume', 'timeliness', 'outcomes', 'handoffs', 'trends'] as const;
export type OutcomeReportName = (typeof OUTCOME_REPORTS)[number];

export interface OutcomeReport {
  report: OutcomeReportName;
  scope: { regionCodes: string[] | 'all'; from: string | null; to: string | null };
  suppression: { threshold: number; marker: string; secondaryMarker: string; notApplicable: string };
  tables: ReportTable[];
  /** Timeliness of one region: its norms in working days per team and level (the deadlines the cases had). */
  norms?: { team: Team; level: Level; firstContactDays: number; closeDays: number }[];
}

/** Trends without `from` cover this many weeks up to `to` (or now). */
export const DEFAULT_TREND_WEEKS = 26;

type Params = [string[] | null, Date | null, Date | null];

/**
 * Outcome monitoring for a region (issue 12): volume, timeliness, outcomes, hand-offs and weekly trends, from the
 * report tables (report_case, report_handoff). Same access as the classification report: coordinators and analysts
 * for their regions, admins for one region or all.
 */
@Injectable()
export class OutcomeReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: ReportFactsService,
    private readonly regions: RegionsService,
  ) {}

  /**
   * One report query in a transaction of its own, without JIT compilation (it costs more than it saves on these
   * scans) and with room to aggregate in memory instead of on disk.
   */
  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL jit = off; SET LOCAL work_mem = '32MB'`);
      return manager.query<T>(sql, params);
    });
  }

  async report(name: OutcomeReportName, actor: Actor, filter: ReportFilter, now = new Date()): Promise<OutcomeReport> {
    const regionCodes = reportScope(actor, filter.regionCode);
    // Catch up on what changed since the sweep (bounded; the sweep does the rest).
    await this.facts.refresh();
    switch (name) {
      case 'volume':
        return this.volume(regionCodes, filter);
      case 'timeliness':
        return this.timeliness(regionCodes, filter, now);
      case 'outcomes':
        return this.outcomes(regionCodes, filter);
      case 'handoffs':
        return this.handoffs(regionCodes, filter);
      case 'trends':
        return this.trends(regionCodes, filter, now);
    }
  }

  private async volume(regionCodes: string[] | null, filter: ReportFilter): Promise<OutcomeReport> {
    const rows = await this.query<Record<string, string | number>[]>(
      `SELECT role, classified_level AS level, classified_route AS route,
              count(*)::int AS "questions",
              count(*) FILTER (WHERE classified_route = 'triage')::int AS "toTriage",
              count(*) FILTER (WHERE classified_urgent)::int AS "urgent",
              count(*) FILTER (WHERE has_secondary_routes)::int AS "withSecondaryRoutes",
              count(*) FILTER (WHERE has_referrals)::int AS "withReferrals"
       FROM report_case
       WHERE origin = 'routing' AND classified_route IS NOT NULL AND ${scope('received_at')}
       GROUP BY 1, 2, 3`,
      params(regionCodes, filter),
    );
    return this.finish('volume', regionCodes, filter, VOLUME_SPEC, groups(rows, ['role', 'level', 'route']));
  }

  private async timeliness(regionCodes: string[] | null, filter: ReportFilter, now: Date): Promise<OutcomeReport> {
    const args = [...params(regionCodes, filter), now];
    const [rows, ...histograms] = await Promise.all([
      this.query<Record<string, string | number>[]>(
        `SELECT team, level, role,
                count(*)::int AS "cases",
                count(*) FILTER (WHERE first_contact_at IS NOT NULL)::int AS "contacted",
                count(*) FILTER (WHERE first_contact_at IS NOT NULL OR first_contact_due_at < coalesce(closed_at, $4))::int AS "contactDue",
                count(*) FILTER (WHERE first_contact_at <= first_contact_due_at)::int AS "contactWithinNorm",
                count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS "closed",
                count(*) FILTER (WHERE closed_at IS NOT NULL OR close_due_at < coalesce(paused_at, $4))::int AS "closeDue",
                count(*) FILTER (WHERE closed_at <= close_due_at)::int AS "closeWithinNorm",
                count(*) FILTER (WHERE closed_at IS NOT NULL AND paused)::int AS "paused"
         FROM report_case WHERE ${scope('clock_started_at')}
         GROUP BY 1, 2, 3`,
        args,
      ),
      ...(
        [
          ['contact', 'contact_tenths', 'contact_tenths IS NOT NULL'],
          ['close', 'close_tenths', 'close_tenths IS NOT NULL'],
          ['paused', 'paused_tenths', 'paused AND closed_at IS NOT NULL'],
        ] as const
      ).map(([measure, column, where]) =>
        this.query<{ team: string; level: string; role: string; measure: string; value: number; count: number }[]>(
          `SELECT team, level, role, '${measure}' AS measure, ${column} AS value, count(*)::int AS count
           FROM report_case WHERE ${where} AND ${scope('clock_started_at')}
           GROUP BY 1, 2, 3, 5`,
          params(regionCodes, filter),
        ),
      ),
    ]);
    const bins = (histograms as { team: string; level: string; role: string; measure: string; value: number; count: number }[][]).flat();
    const report = this.finish('timeliness', regionCodes, filter, TIMELINESS_SPEC, groups(rows, ['team', 'level', 'role'], bins));
    if (regionCodes?.length === 1) {
      const settings = await this.regions.settings(regionCodes[0]);
      report.norms = TEAMS.flatMap((team) => LEVELS.map((level) => ({ team, level, ...slaTargetFor(team, level, settings.sla) })));
    }
    return report;
  }

  private async outcomes(regionCodes: string[] | null, filter: ReportFilter): Promise<OutcomeReport> {
    const rows = await this.query<Record<string, string | number>[]>(
      `SELECT level, team, role,
              count(*)::int AS "closed",
              count(*) FILTER (WHERE result = 'placed_in_work')::int AS "placed_in_work",
              count(*) FILTER (WHERE result = 'work_to_work')::int AS "work_to_work",
              count(*) FILTER (WHERE result = 'training_started')::int AS "training_started",
              count(*) FILTER (WHERE result = 'referred')::int AS "referred",
              count(*) FILTER (WHERE result = 'withdrawn')::int AS "withdrawn",
              count(*) FILTER (WHERE result = 'no_contact')::int AS "no_contact"
       FROM report_case WHERE closed_at IS NOT NULL AND ${scope('closed_at')}
       GROUP BY 1, 2, 3`,
      params(regionCodes, filter),
    );
    return this.finish('outcomes', regionCodes, filter, OUTCOMES_SPEC, groups(rows, ['level', 'team', 'role']));
  }

  private async handoffs(regionCodes: string[] | null, filter: ReportFilter): Promise<OutcomeReport> {
    const where = `($1::text[] IS NULL OR to_region_code = ANY($1))
      AND ($2::timestamptz IS NULL OR requested_at >= $2) AND ($3::timestamptz IS NULL OR requested_at < $3)`;
    const [rows, bins] = await Promise.all([
      this.query<Record<string, string | number>[]>(
        `SELECT to_team AS "toTeam", from_team AS "fromTeam",
                count(*)::int AS "requested",
                count(*) FILTER (WHERE status = 'accepted')::int AS "accepted",
                count(*) FILTER (WHERE status = 'returned')::int AS "returned",
                count(*) FILTER (WHERE status = 'cancelled')::int AS "cancelled",
                count(*) FILTER (WHERE status = 'pending')::int AS "pending",
                count(*) FILTER (WHERE status IN ('accepted', 'returned'))::int AS "answered",
                count(*) FILTER (WHERE answered_in_time)::int AS "answeredInTime",
                count(*) FILTER (WHERE overdue)::int AS "overdue"
         FROM report_handoff WHERE ${where}
         GROUP BY 1, 2`,
        params(regionCodes, filter),
      ),
      this.query<{ toTeam: string; fromTeam: string; value: number; count: number }[]>(
        `SELECT to_team AS "toTeam", from_team AS "fromTeam", 'response' AS measure, response_hours AS value, count(*)::int AS count
         FROM report_handoff WHERE response_hours IS NOT NULL AND ${where}
         GROUP BY 1, 2, 4`,
        params(regionCodes, filter),
      ),
    ]);
    return this.finish('handoffs', regionCodes, filter, HANDOFFS_SPEC, groups(rows, ['toTeam', 'fromTeam'], bins as never));
  }

  /**
   * Per whole week (Monday to Sunday, Amsterdam time) of the period: the scope's figures, and for each share the median
   * over the regions (the national median) of that region's share, over the regions with at least 5 cases in it
   * that week; shown when at least 5 regions count.
   */
  private async trends(regionCodes: string[] | null, filter: ReportFilter, now: Date): Promise<OutcomeReport> {
    const to = filter.to ?? now;
    const from = filter.from ?? new Date(to.getTime() - DEFAULT_TREND_WEEKS * 7 * 86_400_000);
    const period = { from, to };
    // Whole weeks, from the Monday of `from` to the week of the day before `to`; filtered on the week columns, so that
    // the scan over every region (for the national median) reads only the week indexes.
    const weeks = await this.query<{ week: string }[]>(
      `SELECT to_char(w, 'YYYY-MM-DD') AS week FROM generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE 'Europe/Amsterdam'),
         date_trunc('week', ($2::timestamptz - interval '1 millisecond') AT TIME ZONE 'Europe/Amsterdam'), interval '1 week') AS w`,
      [from, to],
    );
    const range = [weeks[0]?.week ?? '1970-01-05', weeks.at(-1)?.week ?? '1970-01-05'];
    const [received, closed, landed] = await Promise.all([
      this.query<Record<string, string | number | null>[]>(
        `SELECT received_week::text AS week, region_code AS region, count(*)::int AS "questions",
                count(*) FILTER (WHERE classified_route = 'triage')::int AS "toTriage", count(*) FILTER (WHERE classified_urgent)::int AS "urgent"
         FROM report_case WHERE origin = 'routing' AND classified_route IS NOT NULL AND received_week BETWEEN $1 AND $2 GROUP BY 1, 2`,
        range,
      ),
      this.query<Record<string, string | number | null>[]>(
        `SELECT closed_week::text AS week, region_code AS region, count(*)::int AS "closed",
                count(*) FILTER (WHERE result IN ('placed_in_work', 'work_to_work'))::int AS "toWork"
         FROM report_case WHERE closed_week BETWEEN $1 AND $2 GROUP BY 1, 2`,
        range,
      ),
      this.query<Record<string, string | number | null>[]>(
        `SELECT landed_week::text AS week, region_code AS region,
                count(*) FILTER (WHERE first_contact_at IS NOT NULL OR first_contact_due_at < coalesce(closed_at, $3))::int AS "contactDue",
                count(*) FILTER (WHERE first_contact_at <= first_contact_due_at)::int AS "contactWithinNorm"
         FROM report_case WHERE landed_week BETWEEN $1 AND $2 GROUP BY 1, 2`,
        [...range, now],
      ),
    ]);
    // Per week and region, every count.
    const byRegion = new Map<string, { week: string; region: string | null; counts: Partial<Record<TrendCount, number>> }>();
    for (const row of [...received, ...closed, ...landed]) {
      const key = `${String(row.week)}|${String(row.region)}`;
      const entry = byRegion.get(key) ?? { week: String(row.week), region: row.region === null ? null : String(row.region), counts: {} };
      for (const [name, value] of Object.entries(row)) if (name !== 'week' && name !== 'region') entry.counts[name as TrendCount] = Number(value);
      byRegion.set(key, entry);
    }
    const national = new Map<string, { value: number | null; n: number }>();
    for (const { week: w } of weeks) {
      for (const s of TREND_SHARES) {
        const shares = [...byRegion.values()]
          .filter((e) => e.week === w && e.region !== null && (e.counts[s.denominator] ?? 0) >= SUPPRESSION_THRESHOLD)
          .map((e) => (e.counts[s.numerator] ?? 0) / e.counts[s.denominator]!);
        national.set(`${w}|${s.key}`, { value: percentile(shares, 0.5), n: shares.length });
      }
    }
    const inScope = [...byRegion.values()].filter((e) => regionCodes === null || (e.region !== null && regionCodes.includes(e.region)));
    const spec = trendsSpec(weeks.map((w) => w.week), (w, key) => national.get(`${w}|${key}`));
    return this.finish('trends', regionCodes, period, spec, inScope.map((e) => ({ dims: { week: e.week }, counts: e.counts })));
  }

  private finish(name: OutcomeReportName, regionCodes: string[] | null, filter: ReportFilter, spec: CubeSpec, data: CubeGroup[]): OutcomeReport {
    return {
      report: name,
      scope: { regionCodes: regionCodes ?? 'all', from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null },
      suppression: { threshold: SUPPRESSION_THRESHOLD, marker: SUPPRESSED, secondaryMarker: SUPPRESSED_SECONDARY, notApplicable: NOT_APPLICABLE },
      tables: buildCube(spec, data).tables,
    };
  }
}

/** The region scope ($1) and period ($2, $3) on one timestamp column of report_case. */
function scope(column: string): string {
  return `($1::text[] IS NULL OR region_code = ANY($1))
    AND ($2::timestamptz IS NULL OR ${column} >= $2) AND ($3::timestamptz IS NULL OR ${column} < $3)`;
}

function params(regionCodes: string[] | null, filter: ReportFilter): Params {
  return [regionCodes, filter.from ?? null, filter.to ?? null];
}

/** SQL rows (dimension columns, then counts) and histogram rows as cube groups. */
function groups(
  rows: Record<string, string | number>[],
  dims: string[],
  bins: { measure: string; value: number; count: number; [dim: string]: string | number }[] = [],
): CubeGroup[] {
  const key = (row: Record<string, string | number>) => dims.map((d) => String(row[d])).join('|');
  const byKey = new Map<string, CubeGroup>();
  for (const row of rows) {
    const counts: Record<string, number> = {};
    for (const [name, value] of Object.entries(row)) if (!dims.includes(name)) counts[name] = Number(value);
    byKey.set(key(row), { dims: Object.fromEntries(dims.map((d) => [d, String(row[d])])), counts, histograms: {} });
  }
  for (const bin of bins) {
    const group = byKey.get(key(bin));
    if (!group) continue;
    (group.histograms![bin.measure] ??= []).push({ value: Number(bin.value), count: Number(bin.count) });
  }
  return [...byKey.values()];
}
