import { CASE_RESULTS, HANDOFF_STATUSES } from '#libs/cases';
import { LEVELS, ROLES, ROUTES, TEAMS } from '#libs/classification';
import type { CubeColumn, CubeSpec } from './cube.js';

/**
 * What each outcome report shows: its tables (one dimension each, or level × team), its counts and what is derived
 * from them. The SQL in OutcomeReportsService delivers the counts per finest group; `buildCube` does the rest.
 */

const share = (key: string, numerator: string, denominator: string): CubeColumn => ({ key, kind: 'share', numerator, denominator });
const days = (key: string, histogram: string, p: number): CubeColumn => ({ key, kind: 'days', histogram, p, scale: 10 });
const count = (key: string): CubeColumn => ({ key, kind: 'count' });

/** Questions (one per intake, routed) received in the period, by the automatic classification. */
export const VOLUME_SPEC: CubeSpec = {
  tables: [
    { id: 'byRole', dimensions: ['role'] },
    { id: 'byLevel', dimensions: ['level'] },
    { id: 'byRoute', dimensions: ['route'] },
  ],
  values: { role: ROLES, level: LEVELS, route: ROUTES },
  columns: [
    count('questions'),
    count('toTriage'),
    share('toTriageShare', 'toTriage', 'questions'),
    count('urgent'),
    share('urgentShare', 'urgent', 'questions'),
    count('withSecondaryRoutes'),
    share('withSecondaryRoutesShare', 'withSecondaryRoutes', 'questions'),
    count('withReferrals'),
    share('withReferralsShare', 'withReferrals', 'questions'),
  ],
  subsets: ['toTriage', 'urgent', 'withSecondaryRoutes', 'withReferrals'].map((part) => ({ part, total: 'questions' })),
};

/** Cases that landed on their (current) team in the period: first contact, closing, waiting for the citizen. */
export const TIMELINESS_SPEC: CubeSpec = {
  tables: [
    { id: 'byTeam', dimensions: ['team'] },
    { id: 'byLevel', dimensions: ['level'] },
    { id: 'byRole', dimensions: ['role'] },
  ],
  values: { team: TEAMS, level: LEVELS, role: ROLES },
  columns: [
    count('cases'),
    count('contacted'),
    days('contactMedianDays', 'contact', 0.5),
    days('contactP90Days', 'contact', 0.9),
    count('contactDue'),
    count('contactWithinNorm'),
    share('contactWithinNormShare', 'contactWithinNorm', 'contactDue'),
    count('closed'),
    days('closeMedianDays', 'close', 0.5),
    days('closeP90Days', 'close', 0.9),
    count('closeDue'),
    count('closeWithinNorm'),
    share('closeWithinNormShare', 'closeWithinNorm', 'closeDue'),
    count('paused'),
    share('pausedShare', 'paused', 'closed'),
    days('pausedMedianDays', 'paused', 0.5),
    days('pausedP90Days', 'paused', 0.9),
  ],
  subsets: [
    { part: 'contacted', total: 'cases' },
    { part: 'contactDue', total: 'cases' },
    { part: 'contactWithinNorm', total: 'contactDue' },
    { part: 'closed', total: 'cases' },
    { part: 'closeDue', total: 'cases' },
    { part: 'closeWithinNorm', total: 'closeDue' },
    { part: 'paused', total: 'closed' },
  ],
};

/** Cases closed in the period: the distribution of results per level and team, the figure a beleidstheorie is judged on. */
export const OUTCOMES_SPEC: CubeSpec = {
  tables: [
    { id: 'byLevel', dimensions: ['level'] },
    { id: 'byTeam', dimensions: ['team'] },
    { id: 'byLevelAndTeam', dimensions: ['level', 'team'] },
    { id: 'byRole', dimensions: ['role'] },
  ],
  values: { level: LEVELS, team: TEAMS, role: ROLES },
  columns: [count('closed'), ...CASE_RESULTS.flatMap((result) => [count(result), share(`${result}Share`, result, 'closed')])],
  partitions: [{ parts: [...CASE_RESULTS], total: 'closed' }],
};

/** Hand-offs requested in the period, by the team that receives them and the team that sent them. */
export const HANDOFFS_SPEC: CubeSpec = {
  tables: [
    { id: 'byReceivingTeam', dimensions: ['toTeam'] },
    { id: 'bySendingTeam', dimensions: ['fromTeam'] },
  ],
  values: { toTeam: TEAMS, fromTeam: TEAMS },
  columns: [
    count('requested'),
    ...HANDOFF_STATUSES.filter((status) => status !== 'pending').map(count),
    count('pending'),
    count('answered'),
    share('acceptanceShare', 'accepted', 'answered'),
    { key: 'responseMedianHours', kind: 'hours', histogram: 'response', p: 0.5 },
    { key: 'responseP90Hours', kind: 'hours', histogram: 'response', p: 0.9 },
    count('answeredInTime'),
    share('answeredInTimeShare', 'answeredInTime', 'answered'),
    count('overdue'),
  ],
  partitions: [
    { parts: ['accepted', 'returned'], total: 'answered' },
    { parts: ['answered', 'cancelled', 'pending'], total: 'requested' },
  ],
  subsets: [
    { part: 'answeredInTime', total: 'answered' },
    { part: 'overdue', total: 'requested' },
  ],
};

/** The shares of the weekly trend that are compared with the national median (the median over the regions). */
export const TREND_SHARES = [
  { key: 'toTriageShare', numerator: 'toTriage', denominator: 'questions' },
  { key: 'urgentShare', numerator: 'urgent', denominator: 'questions' },
  { key: 'toWorkShare', numerator: 'toWork', denominator: 'closed' },
  { key: 'contactWithinNormShare', numerator: 'contactWithinNorm', denominator: 'contactDue' },
] as const;

export type TrendCount = 'questions' | 'toTriage' | 'urgent' | 'closed' | 'toWork' | 'contactDue' | 'contactWithinNorm';

export function trendsSpec(weeks: readonly string[], national: (week: string, key: string) => { value: number | null; n: number } | undefined): CubeSpec {
  return {
    tables: [{ id: 'byWeek', dimensions: ['week'] }],
    values: { week: weeks },
    columns: [
      count('questions'),
      count('toTriage'),
      count('urgent'),
      count('closed'),
      count('toWork'),
      count('contactDue'),
      count('contactWithinNorm'),
      ...TREND_SHARES.flatMap((s): CubeColumn[] => [
        share(s.key, s.numerator, s.denominator),
        { key: `${s.key}NationalMedian`, kind: 'share', external: (row) => (row.dims.week ? national(row.dims.week, s.key) : undefined) },
      ]),
    ],
    subsets: [
      { part: 'toTriage', total: 'questions' },
      { part: 'urgent', total: 'questions' },
      { part: 'toWork', total: 'closed' },
      { part: 'contactWithinNorm', total: 'contactDue' },
    ],
  };
}
