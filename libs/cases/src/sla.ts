import type { WorkingDayCalendar } from '#libs/calendar';
import type { Level, Team } from '#libs/classification';
import type { SlaSettings, SlaTarget } from '#libs/regions';

/** Defaults per level: van werk naar werk is the most urgent (notice periods run), LLO the least. */
export const DEFAULT_SLA: Readonly<Record<Level, SlaTarget>> = {
  top: { firstContactDays: 3, closeDays: 60 },
  middle: { firstContactDays: 2, closeDays: 40 },
  base: { firstContactDays: 5, closeDays: 30 },
  undetermined: { firstContactDays: 2, closeDays: 10 },
  out_of_scope: { firstContactDays: 2, closeDays: 10 },
};

/** The triage desk only decides where a question belongs, so its clock is short whatever the level. */
export const DEFAULT_TRIAGE_SLA: SlaTarget = { firstContactDays: 1, closeDays: 3 };

export function slaTargetFor(team: Team, level: Level, settings: SlaSettings = {}): SlaTarget {
  const teamSettings = settings[team];
  return teamSettings?.[level] ?? teamSettings?.['*'] ?? (team === 'triage' ? DEFAULT_TRIAGE_SLA : DEFAULT_SLA[level]);
}

export interface CaseClocks {
  firstContactDueAt: Date | null;
  closeDueAt: Date | null;
}

/**
 * Clocks start when a case lands on a worklist. An urgent case (a crisis or a housing emergency) is due for first
 * contact the same working day, whatever the team's target.
 */
export function startClocks(
  calendar: WorkingDayCalendar,
  start: Date,
  target: SlaTarget,
  urgent = false,
): Required<{ [K in keyof CaseClocks]: Date }> {
  return {
    firstContactDueAt: urgent ? calendar.endOfWorkingDay(start) : calendar.addWorkingDays(start, target.firstContactDays),
    closeDueAt: calendar.addWorkingDays(start, target.closeDays),
  };
}

/**
 * After waiting for the citizen, each running clock gets back the working time that was left when it paused.
 * A deadline that had already passed when the clock paused stays where it was.
 */
export function resumeClocks(calendar: WorkingDayCalendar, clocks: CaseClocks, pausedAt: Date, resumedAt: Date): CaseClocks {
  const shift = (due: Date | null): Date | null => {
    if (due === null || due <= pausedAt) return due;
    return calendar.addWorkingDuration(resumedAt, calendar.workingTimeBetween(pausedAt, due));
  };
  return { firstContactDueAt: shift(clocks.firstContactDueAt), closeDueAt: shift(clocks.closeDueAt) };
}

/** The deadline a worklist sorts by: first contact until it happened, then closing. */
export function nextDue(clocks: CaseClocks, firstContactAt: Date | null): Date | null {
  return firstContactAt === null ? (clocks.firstContactDueAt ?? clocks.closeDueAt) : clocks.closeDueAt;
}

const WORKING_DAY_MS = 24 * 3600 * 1000;

/**
 * When to warn before a deadline: one working day ahead (so a Monday deadline warns on Friday, not Sunday), or a
 * quarter of the working time ahead for clocks shorter than four working days.
 */
export function warningAt(calendar: WorkingDayCalendar, start: Date, due: Date): Date {
  const span = calendar.workingTimeBetween(start, due);
  // A deadline at or before its clock's start (edited data) leaves no time to warn in: the warning is due with it.
  if (span <= 0) return due;
  const lead = Math.min(WORKING_DAY_MS, span / 4);
  return calendar.addWorkingDuration(start, span - lead);
}
