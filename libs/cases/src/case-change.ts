/**
 * What may change on a case, decided in one place before anything is written (pure: no framework imports). The
 * case writer asks `planChange` for every change; services only say what they want.
 */
import type { Level, Team } from '#libs/classification';
import type { CaseEventType } from './case-event.entity.js';
import { checkTransition, type CaseResult, type CaseStatus } from './case-lifecycle.js';

/** The parts of a case a change is judged on. */
export interface CaseState {
  status: CaseStatus;
  assignedTo: string | null;
  regionCode: string | null;
  team: Team;
}

export interface CaseChange {
  /** The history entry this change writes (exactly one, with exactly one audit entry). */
  event: CaseEventType;
  /** The audit action; `case.<event>` unless a clearer name exists (e.g. `case.closed`). */
  action?: string;
  /** The status to move to; unchanged when left out. */
  status?: CaseStatus;
  /** Only with status `closed`. */
  result?: CaseResult;
  /** The case worker the case is assigned to; null releases it. Unchanged when left out. */
  assignedTo?: string | null;
  /** Puts the case on this worklist, new and unassigned, with fresh clocks counted from now. */
  landOn?: { regionCode: string | null; team: Team; level: Level };
  /** A deadline came near or passed: flag it for the team (an earlier flag is kept). */
  flag?: 'warned' | 'escalated';
  note?: string | null;
  data?: Record<string, unknown>;
  /** A fixed reason from the code for the audit log (never free text: the log outlives retention). */
  reason?: string | null;
  /** Details for the audit log; the event data unless given. */
  details?: Record<string, unknown>;
}

/** Events that may still be written on a closed case: they record what closing itself set off, or retention. */
const EVENTS_ON_CLOSED_CASE: readonly CaseEventType[] = ['handoff_cancelled', 'personal_data_removed'];

/** Statuses in which someone works the case: they need an assignee, and only they have one. */
const WORKED_STATUSES: readonly CaseStatus[] = ['assigned', 'in_progress', 'waiting_for_citizen', 'waiting_for_partner'];

export type ChangePlan =
  | { ok: true; status: CaseStatus; assignedTo: string | null; statusChanged: boolean; landed: boolean }
  | { ok: false; reason: string; field?: string };

/**
 * Judges a change against the state machine: the transition must be in the table, a closed case stays closed,
 * and an open case is unassigned exactly when it is new (so it is on one worklist and at most one person's list).
 */
export function planChange(current: CaseState, change: CaseChange): ChangePlan {
  const changesFields =
    change.status !== undefined || change.result !== undefined || change.assignedTo !== undefined || change.landOn !== undefined || change.flag !== undefined;
  if (current.status === 'closed') {
    if (changesFields) return { ok: false, reason: 'A closed case stays closed: it cannot be changed, moved or assigned.', field: change.status !== undefined ? 'status' : undefined };
    if (!EVENTS_ON_CLOSED_CASE.includes(change.event)) return { ok: false, reason: 'A closed case takes no more changes.' };
    return { ok: true, status: 'closed', assignedTo: current.assignedTo, statusChanged: false, landed: false };
  }
  if (change.landOn && (change.status !== undefined || change.assignedTo !== undefined || change.result !== undefined)) {
    return { ok: false, reason: 'A case lands on a worklist new and unassigned.' };
  }
  const status = change.landOn ? 'new' : (change.status ?? current.status);
  const assignedTo = change.landOn ? null : change.assignedTo !== undefined ? change.assignedTo : current.assignedTo;
  // A status that is asked for is a transition: asking for the current one is not in the table either.
  const statusChanged = status !== current.status || change.status !== undefined;
  if (statusChanged) {
    const check = checkTransition(current.status, status, change.result);
    if (!check.ok) return { ok: false, reason: check.reason, field: status === 'closed' || change.result ? 'result' : 'status' };
  } else if (change.result !== undefined) {
    return { ok: false, reason: 'Only closing a case takes a result.', field: 'result' };
  }
  if (status === 'new' && assignedTo !== null) return { ok: false, reason: 'A new case is unassigned; assigning it makes it assigned.', field: 'assigneeId' };
  if (WORKED_STATUSES.includes(status) && assignedTo === null) {
    return { ok: false, reason: `A case that is ${status} needs a case worker; releasing it makes it new.`, field: 'assigneeId' };
  }
  return { ok: true, status, assignedTo, statusChanged, landed: change.landOn !== undefined };
}
