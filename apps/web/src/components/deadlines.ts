import { isoOrNull, type CaseSummary } from '../api/types';

/** Within one working day (about 24 hours) counts as due soon. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export interface Deadline {
  /** The clock that runs now: first contact until it happened, then closing. */
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export function deadlineOf(c: Pick<CaseSummary, 'firstContactAt' | 'firstContactDueAt' | 'closeDueAt' | 'slaPaused' | 'warnedAt' | 'escalatedAt' | 'status'>, now: number): Deadline {
  const firstContactDone = isoOrNull(c.firstContactAt) !== null;
  const dueAt = firstContactDone ? isoOrNull(c.closeDueAt) : (isoOrNull(c.firstContactDueAt) ?? isoOrNull(c.closeDueAt));
  if (c.status === 'closed' || c.slaPaused || dueAt === null) return { dueAt, overdue: false, dueSoon: false };
  const left = new Date(dueAt).getTime() - now;
  const overdue = left < 0 || isoOrNull(c.escalatedAt) !== null;
  const dueSoon = !overdue && (left <= DUE_SOON_MS || isoOrNull(c.warnedAt) !== null);
  return { dueAt, overdue, dueSoon };
}

/** Whether one date has passed (for a single table cell). */
export function isPast(iso: string | null, now: number): boolean {
  return iso !== null && new Date(iso).getTime() < now;
}
