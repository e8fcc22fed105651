import { addDays, startOfDay, WorkingDayCalendar } from '#libs/calendar';

const DAY_MS = 86_400_000;
/** Durations in reports are in tenths of a working day, rounded up (a working day being 24 hours, as the clocks count). */
export const TENTH_OF_WORKING_DAY_MS = DAY_MS / 10;
export const WORKING_HOUR_MS = 3_600_000;

/**
 * Working time between instants, as `WorkingDayCalendar.workingTimeBetween` counts it (only time on working days,
 * Europe/Amsterdam dates), but in constant time per instant: for building report figures over a million cases.
 *
 * F(t) = (working days before t's date) × 24 h + (t's date is a working day ? time since its local midnight : 0), and
 * the working time between a and b is F(b) − F(a). Working days have 24 hours (clocks change on Sunday nights), so
 * this equals the calendar's count; a unit test holds the two together.
 */
export class WorkingTimeIndex {
  /** Per local date from 1 January of `firstYear` on: its midnight (ms), whether it is a working day, and the working days before it. */
  private readonly midnights: number[] = [];
  private readonly working: boolean[] = [];
  private readonly workingBefore: number[] = [];

  constructor(
    private readonly calendar: WorkingDayCalendar = new WorkingDayCalendar(),
    private readonly firstYear = 2000,
  ) {}

  /** Working milliseconds from the index's origin to `t`. */
  at(t: Date | number): number {
    const ms = typeof t === 'number' ? t : t.getTime();
    const day = this.dayOf(ms);
    return this.workingBefore[day] * DAY_MS + (this.working[day] ? ms - this.midnights[day] : 0);
  }

  between(from: Date | number, to: Date | number): number {
    return this.at(to) - this.at(from);
  }

  /** The working time, rounded up to tenths of a working day; never negative. */
  tenthsBetween(from: Date, to: Date): number {
    return Math.max(0, Math.ceil(this.between(from, to) / TENTH_OF_WORKING_DAY_MS));
  }

  /** The working time, rounded up to whole working hours; never negative. */
  hoursBetween(from: Date, to: Date): number {
    return Math.max(0, Math.ceil(this.between(from, to) / WORKING_HOUR_MS));
  }

  /** The Monday (YYYY-MM-DD, Amsterdam date) of the week `t` falls in: the trends' weeks. */
  weekOf(t: Date | number): string {
    const day = this.dayOf(typeof t === 'number' ? t : t.getTime());
    // Day 0 is 1 January of firstYear; Date.UTC does the calendar arithmetic.
    const date = new Date(Date.UTC(this.firstYear, 0, 1 + day));
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    return new Date(Date.UTC(this.firstYear, 0, 1 + day - sinceMonday)).toISOString().slice(0, 10);
  }

  private dayOf(ms: number): number {
    if (this.midnights.length === 0) this.addDay();
    if (!Number.isFinite(ms) || ms < this.midnights[0]) throw new RangeError(`Reports count from ${this.firstYear}; got ${ms}`);
    while (this.midnights.at(-1)! <= ms + DAY_MS) this.addDay();
    // Local midnights are 22:00 or 23:00 UTC: the guess is the day or one next to it.
    let day = Math.min(Math.floor((ms - this.midnights[0]) / DAY_MS), this.midnights.length - 1);
    while (day + 1 < this.midnights.length && this.midnights[day + 1] <= ms) day++;
    while (day > 0 && this.midnights[day] > ms) day--;
    return day;
  }

  private addDay(): void {
    const index = this.midnights.length;
    const midnight = startOfDay(addDays({ year: this.firstYear, month: 1, day: 1 }, index)).getTime();
    this.midnights.push(midnight);
    // Noon lies inside the local date whatever the clocks do that night.
    this.working.push(this.calendar.isWorkingDay(new Date(midnight + DAY_MS / 2)));
    this.workingBefore.push(index === 0 ? 0 : this.workingBefore[index - 1] + (this.working[index - 1] ? 1 : 0));
  }
}
