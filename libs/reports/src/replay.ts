// Replaying a candidate ruleset over stored intakes: what would change, before anyone activates it. Pure: the
// service classifies, this compares.
import type { ClassificationResult } from '#libs/classification';

export interface ReplayedIntake {
  intakeId: string;
  /** The classification the intake got when it was routed. */
  before: Pick<ClassificationResult, 'level' | 'route' | 'rulesetVersion' | 'urgent'>;
  /** What the candidate ruleset says now. */
  after: Pick<ClassificationResult, 'level' | 'route' | 'urgent'>;
}

export interface ReplayChange {
  from: string;
  to: string;
  count: number;
  /** A few intake ids to look at (ids only: the analyst opens them where their role allows). */
  exampleIntakeIds: string[];
}

export interface ReplayComparison {
  replayed: number;
  /** Intakes whose route or level would change. */
  changed: number;
  baselineVersions: string[];
  /** Per from→to route, and per from→to level: only the pairs that change. */
  routeChanges: ReplayChange[];
  levelChanges: ReplayChange[];
  /** Route totals before and after, to see the effect on every worklist (triage included). */
  routesBefore: Record<string, number>;
  routesAfter: Record<string, number>;
  urgentBefore: number;
  urgentAfter: number;
}

export function compareReplay(rows: readonly ReplayedIntake[], examplesPerChange = 5): ReplayComparison {
  const changes = (key: 'route' | 'level'): ReplayChange[] => {
    const byPair = new Map<string, ReplayChange>();
    for (const row of rows) {
      const from = row.before[key];
      const to = row.after[key];
      if (from === to) continue;
      const pair = `${from}→${to}`;
      const change = byPair.get(pair) ?? { from, to, count: 0, exampleIntakeIds: [] };
      change.count += 1;
      if (change.exampleIntakeIds.length < examplesPerChange) change.exampleIntakeIds.push(row.intakeId);
      byPair.set(pair, change);
    }
    return [...byPair.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  };
  const totals = (side: 'before' | 'after'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const row of rows) out[row[side].route] = (out[row[side].route] ?? 0) + 1;
    return out;
  };
  return {
    replayed: rows.length,
    changed: rows.filter((row) => row.before.route !== row.after.route || row.before.level !== row.after.level).length,
    baselineVersions: [...new Set(rows.map((row) => row.before.rulesetVersion))].sort(),
    routeChanges: changes('route'),
    levelChanges: changes('level'),
    routesBefore: totals('before'),
    routesAfter: totals('after'),
    urgentBefore: rows.filter((row) => row.before.urgent === true).length,
    urgentAfter: rows.filter((row) => row.after.urgent).length,
  };
}
