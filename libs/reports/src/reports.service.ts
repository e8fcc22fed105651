import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL_RULE_IDS, DEFAULT_RULESET, LEVELS, ROUTES, unmatchedWords, type Level, type Route } from '#libs/classification';
import { suggestTerms, type RouteSuggestions, type SuggestionOptions } from './suggestions.js';
import type { Actor } from '#libs/staff';
import { reportScope, type ReportFilter } from './report-scope.js';

export type { ReportFilter } from './report-scope.js';

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

export interface SuggestionReport {
  scope: ClassificationReport['scope'];
  /** The ruleset whose lexicon decides what counts as already read. */
  rulesetVersion: string;
  /** Decisions by hand in scope, and how many of those no longer have their question (retention). */
  decisions: number;
  withoutText: number;
  routes: RouteSuggestions[];
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
    const regionCodes = reportScope(actor, filter.regionCode);
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
    const rules = ALL_RULE_IDS.map((rule): RuleFigures => {
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

  /**
   * What the triage desk teaches the ruleset: per route chosen by hand (triage decisions and reclassification
   * proposals), the words of those questions that no rule of the current ruleset reads, most telling first.
   */
  async suggestions(actor: Actor, filter: ReportFilter, options?: SuggestionOptions): Promise<SuggestionReport> {
    const regionCodes = reportScope(actor, filter.regionCode);
    const rows = await this.dataSource.query<{ route: Route; question: string | null }[]>(
      `SELECT d.route, i.question FROM manual_decision d JOIN intake i ON i.id = d.intake_id
       WHERE d.route <> 'triage'
         AND ($1::text[] IS NULL OR COALESCE(d.region_code, i.region_code) = ANY($1))
         AND ($2::timestamptz IS NULL OR d.created_at >= $2)
         AND ($3::timestamptz IS NULL OR d.created_at < $3)`,
      [regionCodes, filter.from ?? null, filter.to ?? null],
    );
    const withText = rows.filter((row) => row.question !== null && row.question.trim() !== '');
    return {
      scope: { regionCodes: regionCodes ?? 'all', from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null },
      rulesetVersion: DEFAULT_RULESET.version,
      decisions: rows.length,
      withoutText: rows.length - withText.length,
      routes: suggestTerms(
        withText.map((row) => ({ route: row.route, unmatched: unmatchedWords(row.question!) })),
        options,
      ),
    };
  }
}
