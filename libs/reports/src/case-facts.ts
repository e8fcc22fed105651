import type { Level, Role, Route, Team } from '#libs/classification';
import type { CaseResult, CaseStatus, HandoffStatus } from '#libs/cases';
import type { WorkingTimeIndex } from './working-time.js';

/**
 * What the outcome reports know of one case: a narrow row without free text or contact details, with the working
 * times already counted. Pure: built from the case, its intake and its status history.
 */

export interface CaseSource {
  id: string;
  origin: 'routing' | 'follow_up';
  regionCode: string | null;
  team: Team;
  level: Level;
  result: CaseResult | null;
  urgent: boolean;
  clockStartedAt: Date;
  firstContactAt: Date | null;
  firstContactDueAt: Date | null;
  closeDueAt: Date | null;
  closedAt: Date | null;
  pausedAt: Date | null;
  role: Role;
  receivedAt: Date;
  /** The automatic classification of the intake (null: none stored). */
  classification: { level: Level; route: Route; secondaryRoutes: unknown[]; referrals: unknown[]; urgent?: boolean } | null;
}

/** A status change in the case's history (events with a to_status), oldest first. */
export interface StatusChange {
  at: Date;
  toStatus: CaseStatus;
}

export interface CaseFacts {
  caseId: string;
  origin: 'routing' | 'follow_up';
  regionCode: string | null;
  team: Team;
  level: Level;
  role: Role;
  urgent: boolean;
  result: CaseResult | null;
  receivedAt: Date;
  /** Mondays (YYYY-MM-DD, Amsterdam) of the weeks the question arrived, the case landed and it closed: the trends' weeks. */
  receivedWeek: string;
  landedWeek: string;
  closedWeek: string | null;
  classifiedLevel: Level | null;
  classifiedRoute: Route | null;
  classifiedUrgent: boolean;
  hasSecondaryRoutes: boolean;
  hasReferrals: boolean;
  clockStartedAt: Date;
  firstContactAt: Date | null;
  firstContactDueAt: Date | null;
  closedAt: Date | null;
  closeDueAt: Date | null;
  pausedAt: Date | null;
  /** Working time from landing on the team to first contact / to closing, in tenths of a working day (rounded up). */
  contactTenths: number | null;
  closeTenths: number | null;
  /** Whether the case waited for the citizen on its current team, and for how long in total (finished waits). */
  paused: boolean;
  pausedTenths: number;
}

export function caseFacts(source: CaseSource, history: readonly StatusChange[], time: WorkingTimeIndex): CaseFacts {
  const start = source.clockStartedAt;
  const { paused, pausedMs } = waitingForCitizen(history, start, time);
  return {
    caseId: source.id,
    origin: source.origin,
    regionCode: source.regionCode,
    team: source.team,
    level: source.level,
    role: source.role,
    urgent: source.urgent,
    result: source.result,
    receivedAt: source.receivedAt,
    receivedWeek: time.weekOf(source.receivedAt),
    landedWeek: time.weekOf(start),
    closedWeek: source.closedAt ? time.weekOf(source.closedAt) : null,
    classifiedLevel: source.classification?.level ?? null,
    classifiedRoute: source.classification?.route ?? null,
    classifiedUrgent: source.classification?.urgent === true,
    hasSecondaryRoutes: (source.classification?.secondaryRoutes.length ?? 0) > 0,
    hasReferrals: (source.classification?.referrals.length ?? 0) > 0,
    clockStartedAt: start,
    firstContactAt: source.firstContactAt,
    firstContactDueAt: source.firstContactDueAt,
    closedAt: source.closedAt,
    closeDueAt: source.closeDueAt,
    pausedAt: source.pausedAt,
    contactTenths: source.firstContactAt ? time.tenthsBetween(start, source.firstContactAt) : null,
    closeTenths: source.closedAt ? time.tenthsBetween(start, source.closedAt) : null,
    paused,
    pausedTenths: Math.max(0, Math.ceil(pausedMs / 8_640_000)),
  };
}

/**
 * The waits for the citizen since the case landed on its team: from each change to waiting_for_citizen to the next
 * change to another status. A wait still going on makes the case `paused` but adds no time yet.
 */
function waitingForCitizen(history: readonly StatusChange[], start: Date, time: WorkingTimeIndex): { paused: boolean; pausedMs: number } {
  let paused = false;
  let pausedMs = 0;
  let since: Date | null = null;
  for (const change of history) {
    if (change.at < start) continue;
    if (change.toStatus === 'waiting_for_citizen') {
      since ??= change.at;
      paused = true;
    } else if (since !== null) {
      pausedMs += time.between(since, change.at);
      since = null;
    }
  }
  return { paused, pausedMs };
}

export interface HandoffSource {
  id: string;
  caseId: string;
  fromRegionCode: string | null;
  fromTeam: Team;
  toRegionCode: string | null;
  toTeam: Team;
  status: HandoffStatus;
  requestedAt: Date;
  respondBy: Date;
  respondedAt: Date | null;
  overdueAt: Date | null;
}

export interface HandoffFacts extends Pick<HandoffSource, 'caseId' | 'fromRegionCode' | 'fromTeam' | 'toRegionCode' | 'toTeam' | 'status' | 'requestedAt'> {
  handoffId: string;
  /** Accepted or returned: working hours until the answer (rounded up), and whether it came by the deadline. */
  responseHours: number | null;
  answeredInTime: boolean | null;
  /** The deadline passed unanswered (the coordinators were alerted). */
  overdue: boolean;
}

export function handoffFacts(source: HandoffSource, time: WorkingTimeIndex): HandoffFacts {
  const answered = (source.status === 'accepted' || source.status === 'returned') && source.respondedAt !== null;
  return {
    handoffId: source.id,
    caseId: source.caseId,
    fromRegionCode: source.fromRegionCode,
    fromTeam: source.fromTeam,
    toRegionCode: source.toRegionCode,
    toTeam: source.toTeam,
    status: source.status,
    requestedAt: source.requestedAt,
    responseHours: answered ? time.hoursBetween(source.requestedAt, source.respondedAt!) : null,
    answeredInTime: answered ? source.respondedAt! <= source.respondBy : null,
    overdue: source.overdueAt !== null,
  };
}
