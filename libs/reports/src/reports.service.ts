import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LEVELS, ROUTES, RULE_IDS, type Level, type Route } from '#libs/classification';
import { StaffError, type Actor } from '#libs/staff';

export interface ReportFilter {
  regionCode?: string;
  from?: Date;
  to?: Date;
}

export interface RuleFigures {
  rule: string;
  /** Intakes on which the rule fired. */
  fired: number;
  /** Of those, how many a triage decision overruled (another level, or another team than the rules chose). */
  overruled: number;
  /** Of those, how many a case worker proposed to reclassify. */
  proposals: number;
  overruleRate: number | null;
}

export interface ClassificationReport {
  scope: { regionCodes: string[] | 'all'; from: string | null; to: string | null };
  totals: { classified: number; handClassified: number; overruled: number; proposals: number };
  byLevel: Record<Level, number>;
  byRoute: Record<Route, number>;
  rulesetVersions: string[];
  rules: RuleFigures[];
}

/** What the region's network achieves with its beleidstheorie: how often each rule fires and is overruled. */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async classification(actor: Actor, filter: ReportFilter): Promise<ClassificationReport> {
    const regionCodes = this.scope(actor, filter.regionCode);
    const params: unknown[] = [regionCodes, filter.from ?? null, filter.to ?? null];
    // $1: region codes (null = all) of the region that handles the intake (triage may have set it); $2/$3: received between.
    const intakeScope = `i.classification IS NOT NULL
      AND ($1::text[] IS NULL OR COALESCE((SELECT c.region_code FROM "case" c WHERE c.intake_id = i.id AND c.origin = 'routing'), i.region_code) = ANY($1))
      AND ($2::timestamptz IS NULL OR i.received_at >= $2)
      AND ($3::timestamptz IS NULL OR i.received_at < $3)`;

    const [fired, decided, levels, routes, versions, totals] = await Promise.all([
      this.dataSource.query<{ rule: string; n: number }[]>(
        `SELECT r.rule, count(*)::int AS n FROM intake i
         CROSS JOIN LATERAL jsonb_array_elements_text(i.classification->'firedRules') AS r(rule)
         WHERE ${intakeScope} GROUP BY r.rule`,
        params,
      ),
      this.dataSource.query<{ rule: string; overruled: number; proposals: number }[]>(
        `SELECT r.rule,
                count(DISTINCT d.intake_id) FILTER (WHERE d.kind = 'triage_decision' AND d.overrules)::int AS overruled,
                count(DISTINCT d.intake_id) FILTER (WHERE d.kind = 'proposal')::int AS proposals
         FROM manual_decision d JOIN intake i ON i.id = d.intake_id
         CROSS JOIN LATERAL unnest(d.fired_rules) AS r(rule)
         WHERE ${intakeScope} GROUP BY r.rule`,
        params,
      ),
      this.dataSource.query<{ key: Level; n: number }[]>(
        `SELECT i.classification->>'level' AS key, count(*)::int AS n FROM intake i WHERE ${intakeScope} GROUP BY 1`,
        params,
      ),
      this.dataSource.query<{ key: Route; n: number }[]>(
        `SELECT i.classification->>'route' AS key, count(*)::int AS n FROM intake i WHERE ${intakeScope} GROUP BY 1`,
        params,
      ),
      this.dataSource.query<{ version: string }[]>(
        `SELECT DISTINCT i.classification->>'rulesetVersion' AS version FROM intake i WHERE ${intakeScope} ORDER BY 1`,
        params,
      ),
      this.dataSource.query<{ classified: number; hand: number; overruled: number; proposals: number }[]>(
        `SELECT count(*)::int AS classified,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM manual_decision d WHERE d.intake_id = i.id AND d.kind = 'triage_decision'))::int AS hand,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM manual_decision d WHERE d.intake_id = i.id AND d.kind = 'triage_decision' AND d.overrules))::int AS overruled,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM manual_decision d WHERE d.intake_id = i.id AND d.kind = 'proposal'))::int AS proposals
         FROM intake i WHERE ${intakeScope}`,
        params,
      ),
    ]);

    const firedBy = new Map(fired.map((row) => [row.rule, row.n]));
    const decidedBy = new Map(decided.map((row) => [row.rule, row]));
    const rules = RULE_IDS.map((rule): RuleFigures => {
      const n = firedBy.get(rule) ?? 0;
      const overruled = decidedBy.get(rule)?.overruled ?? 0;
      return { rule, fired: n, overruled, proposals: decidedBy.get(rule)?.proposals ?? 0, overruleRate: n === 0 ? null : overruled / n };
    });
    const count = <K extends string>(keys: readonly K[], rows: { key: K; n: number }[]) =>
      Object.fromEntries(keys.map((key) => [key, rows.find((row) => row.key === key)?.n ?? 0])) as Record<K, number>;
    return {
      scope: { regionCodes: regionCodes ?? 'all', from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null },
      totals: { classified: totals[0].classified, handClassified: totals[0].hand, overruled: totals[0].overruled, proposals: totals[0].proposals },
      byLevel: count(LEVELS, levels),
      byRoute: count(ROUTES, routes),
      rulesetVersions: versions.map((row) => row.version),
      rules,
    };
  }

  /** Coordinators and analysts see their own regions; admins see everything. */
  private scope(actor: Actor, regionCode: string | undefined): string[] | null {
    if (actor.role === 'case_worker') throw new StaffError('forbidden', 'Reports are for coordinators, analysts and admins.');
    if (actor.role === 'admin') return regionCode ? [regionCode] : null;
    if (regionCode && !actor.regionCodes.includes(regionCode)) throw new StaffError('forbidden', 'This region is outside your scope.');
    return regionCode ? [regionCode] : actor.regionCodes;
  }
}
