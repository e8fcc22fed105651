import {
  addDays,
  compareDates,
  dateOf,
  dayOfWeek,
  formatDate,
  fromAmsterdam,
  startOfDay,
  timeOf,
  toAmsterdam,
  type LocalDate,
  type LocalTime,
} from './amsterdam-time.js';
import { dutchPublicHolidays, type LiberationDayPolicy, type PublicHoliday } from './dutch-holidays.js';

export interface WorkingDayCalendarOptions {
  /** Default 'lustrum': 5 May is a day off only in years divisible by 5. */
  liberationDay?: LiberationDayPolicy;
}

/** Where counting starts when a clock is started on a day that is not a working day: 09:00 the next working day. */
const WORKING_DAY_START: LocalTime = { hour: 9, minute: 0, second: 0, millisecond: 0 };

/**
 * Working days in the Netherlands for SLA clocks, on Europe/Amsterdam calendar dates.
 *
 * A working day is a whole local calendar day, Monday to Friday, that is not a public holiday (see
 * `dutch-holidays.ts`). There are no office hours: a question that comes in on Monday at 23:00 was received on a
 * working day. Two ways of counting follow from that:
 * - in days (`addWorkingDays`, `workingDaysBetween`): a deadline keeps the local time of day, N working days on;
 * - in time (`addWorkingDuration`, `workingTimeBetween`): only the time that falls on working days counts, a whole
 *   working day being its 24 hours from local midnight to midnight. This is what a paused and resumed clock
 *   needs. As Dutch clocks change on Sunday nights, a working day always has exactly 24 hours, and
 *   `addWorkingDuration(start, n * 24h)` equals `addWorkingDays(start, n)` for a start on a working day.
 *
 * An instance holds only its policy and a per-year holiday cache; share one per policy.
 */
export class WorkingDayCalendar {
  private readonly liberationDay: LiberationDayPolicy;
  private readonly holidaysByYear = new Map<number, ReadonlyMap<string, string>>();
  /** Deadline dates by counting-start date and number of days: every case opened on a day asks the same few. */
  private readonly deadlineDates = new Map<string, LocalDate>();

  constructor(options: WorkingDayCalendarOptions = {}) {
    const liberationDay = options.liberationDay ?? 'lustrum';
    // Options may come from configuration files, past the type checker.
    if (liberationDay !== 'every_year' && liberationDay !== 'lustrum') {
      throw new RangeError(`liberationDay must be 'every_year' or 'lustrum', got '${String(liberationDay)}'`);
    }
    this.liberationDay = liberationDay;
  }

  /** Whether the Amsterdam calendar date of this instant is a working day. */
  isWorkingDay(date: Date): boolean {
    return this.isWorkingDate(dateOf(toAmsterdam(date)));
  }

  /** The public holidays of `year` in date order, also those on a weekend (Eerste Paasdag is always a Sunday). */
  holidaysOf(year: number): { date: string; name: string }[] {
    return [...this.holidayMap(year)].map(([date, name]) => ({ date, name }));
  }

  /**
   * The deadline `days` working days after `start`, at the same Amsterdam time of day.
   *
   * If `start` falls on a weekend or holiday, the clock is taken to start at 09:00 on the next working day, so a
   * question sent on Saturday with a 1-working-day SLA is due Tuesday 09:00 (not Tuesday at the Saturday time,
   * which for a Saturday 23:00 message would give the team nearly two days). `days = 0` gives `start` itself, or
   * that 09:00 when `start` is not on a working day.
   * The time of day is wall-clock time across DST changes: Friday 10:00 CET + 1 is Monday 10:00 CEST.
   */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a whole number of 0 or more, got ${days}`);
    }
    const { date, time } = this.countingStart(start);
    const key = `${formatDate(date)}+${days}`;
    let deadline = this.deadlineDates.get(key);
    if (deadline === undefined) {
      deadline = date;
      for (let i = 0; i < days; i++) deadline = this.nextWorkingDate(deadline);
      if (this.deadlineDates.size >= 10_000) this.deadlineDates.clear();
      this.deadlineDates.set(key, deadline);
    }
    return fromAmsterdam({ ...deadline, ...time });
  }

  /**
   * The end (midnight after) of the working day `start` falls on, or of the next working day when `start` is on a
   * weekend or holiday: the deadline for "the same working day" (urgent cases).
   */
  endOfWorkingDay(start: Date): Date {
    const { date } = this.countingStart(start);
    return startOfDay(addDays(date, 1));
  }

  /**
   * Whole working days elapsed from `from` to `to`: the largest n >= 0 with `addWorkingDays(from, n) <= to` (0 if
   * there is none), so it is the exact inverse of `addWorkingDays` ("answered within 2 working days",
   * "3 working days overdue").
   * Whole days rather than fractions, because SLAs and reports are stated in whole working days; for the exact
   * working time use `workingTimeBetween`. Negative when `to` is before `from`: -workingDaysBetween(to, from).
   */
  workingDaysBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return negate(this.workingDaysBetween(to, from));
    const { date, time } = this.countingStart(from);
    const end = toAmsterdam(to);
    const endDate = dateOf(end);
    if (compareDates(date, endDate) > 0) return 0;
    let count = 0;
    let last = date;
    for (let next = this.nextWorkingDate(date); compareDates(next, endDate) <= 0; next = this.nextWorkingDate(next)) {
      count++;
      last = next;
    }
    // Every working day before the end date is passed at any time of day; on the end date itself only once
    // the deadline's time of day has been reached.
    if (count > 0 && compareDates(last, endDate) === 0 && fromAmsterdam({ ...last, ...time }).getTime() > to.getTime()) {
      count--;
    }
    return count;
  }

  /**
   * The instant at which `workingMs` of working-day time has passed since `start`: time on weekends and holidays
   * does not count, and a start on such a day counts from midnight at the start of the next working day. For a
   * paused SLA clock: `addWorkingDuration(resumedAt, slaMs - workingTimeBetween(startedAt, pausedAt))`.
   * If the duration ends exactly at the end of a working day, the result is the following midnight, the earliest
   * instant at which the time has passed, even when the next day is not a working day.
   */
  addWorkingDuration(start: Date, workingMs: number): Date {
    if (!Number.isFinite(workingMs) || workingMs < 0) {
      throw new RangeError(`workingMs must be a finite number of 0 or more, got ${workingMs}`);
    }
    let remaining = workingMs;
    let cursor = start.getTime();
    let date = dateOf(toAmsterdam(start));
    if (remaining === 0) return new Date(cursor);
    for (;;) {
      if (!this.isWorkingDate(date)) {
        date = this.nextWorkingDate(date);
        cursor = startOfDay(date).getTime();
      }
      const next = addDays(date, 1);
      const dayEnd = startOfDay(next).getTime();
      if (remaining <= dayEnd - cursor) return new Date(cursor + remaining);
      remaining -= dayEnd - cursor;
      cursor = dayEnd;
      date = next;
    }
  }

  /**
   * Milliseconds of working-day time between `from` and `to`: the inverse of `addWorkingDuration`, used to know
   * how much of an SLA a clock has used when it is paused. Negative when `to` is before `from`.
   */
  workingTimeBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return negate(this.workingTimeBetween(to, from));
    const end = to.getTime();
    let total = 0;
    let cursor = from.getTime();
    let date = dateOf(toAmsterdam(from));
    while (cursor < end) {
      const next = addDays(date, 1);
      const dayEnd = startOfDay(next).getTime();
      if (this.isWorkingDate(date)) total += Math.min(dayEnd, end) - cursor;
      cursor = dayEnd;
      date = next;
    }
    return total;
  }

  private countingStart(start: Date): { date: LocalDate; time: LocalTime } {
    const local = toAmsterdam(start);
    const date = dateOf(local);
    if (this.isWorkingDate(date)) return { date, time: timeOf(local) };
    return { date: this.nextWorkingDate(date), time: WORKING_DAY_START };
  }

  private nextWorkingDate(date: LocalDate): LocalDate {
    let next = addDays(date, 1);
    while (!this.isWorkingDate(next)) next = addDays(next, 1);
    return next;
  }

  private isWorkingDate(date: LocalDate): boolean {
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !this.holidayMap(date.year).has(formatDate(date));
  }

  private holidayMap(year: number): ReadonlyMap<string, string> {
    if (!Number.isSafeInteger(year)) throw new RangeError(`year must be a whole number, got ${year}`);
    let holidays = this.holidaysByYear.get(year);
    if (holidays === undefined) {
      const list: PublicHoliday[] = dutchPublicHolidays(year, this.liberationDay);
      holidays = new Map(list.map((holiday) => [holiday.date, holiday.name]));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}

/** Negation without producing -0, which would surprise callers comparing with `Object.is` or `toBe(0)`. */
function negate(value: number): number {
  return value === 0 ? 0 : -value;
}
