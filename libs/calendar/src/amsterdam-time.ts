/**
 * Conversions between instants and Europe/Amsterdam wall-clock time, on top of the ICU time-zone data that
 * ships with Node (`Intl`), so that no time-zone library is needed for one fixed zone.
 *
 * Calendar arithmetic (next day, weekday) is done on plain local dates through `Date.UTC`, which has no DST, and
 * only the final local date-time is turned into an instant.
 */
export const AMSTERDAM = 'Europe/Amsterdam';

/** A calendar date; `month` is 1-12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

export type LocalDateTime = LocalDate & LocalTime;

export const MIDNIGHT: LocalTime = { hour: 0, minute: 0, second: 0, millisecond: 0 };

const MS_PER_DAY = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: AMSTERDAM,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * Since 1980 (EU summer time) Amsterdam's offset changes only on whole UTC hours, so the offset found for one UTC hour
 * holds for all of it. Asking `Intl` costs microseconds and the SLA clocks ask thousands of times per case; the
 * offset per hour is remembered instead. Before 1980 every call asks `Intl`.
 */
const OFFSETS_CACHED_FROM = Date.UTC(1980, 0, 1);
const MS_PER_HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

export function toAmsterdam(instant: Date | number): LocalDateTime {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
  if (ms < OFFSETS_CACHED_FROM) return fromIntl(ms);
  const hour = Math.floor(ms / MS_PER_HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * MS_PER_HOUR;
    offset = wallClockMs(fromIntl(start)) - start;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

function fromIntl(ms: number): LocalDateTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(ms)) parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
    // Amsterdam's offsets have been whole seconds throughout, so the milliseconds are those of UTC.
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The local date-time read as if it were UTC, in ms: the basis for offset arithmetic. */
function wallClockMs(local: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

function offsetAt(instantMs: number): number {
  return wallClockMs(toAmsterdam(instantMs)) - instantMs;
}

/**
 * The instant at which Amsterdam clocks show `local`.
 * Like Temporal's 'compatible' disambiguation: a time that occurs twice (the autumn fall-back hour) gives the
 * earlier instant; a time that does not exist (the spring-forward hour) is moved forward by the gap, so 02:30
 * becomes 03:30 CEST. Both happen only on Sunday nights in the Netherlands, never on a working day.
 */
export function fromAmsterdam(local: LocalDateTime): Date {
  const wallClock = wallClockMs(local);
  // The offsets in force a day either side bracket any transition near this wall-clock time.
  const offsetBefore = offsetAt(wallClock - MS_PER_DAY);
  const offsetAfter = offsetAt(wallClock + MS_PER_DAY);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallClock - offset)
    .filter((instant) => offsetAt(instant) === wallClock - instant)
    .sort((a, b) => a - b);
  // No candidate means a gap: read the wall-clock time with the offset from before the transition.
  return new Date(candidates[0] ?? wallClock - offsetBefore);
}

/** Midnight of a day, remembered: working-time arithmetic asks for the same few days over and over. */
const midnightByDay = new Map<number, number>();

export function startOfDay(date: LocalDate): Date {
  const key = (date.year * 100 + date.month) * 100 + date.day;
  let midnight = midnightByDay.get(key);
  if (midnight === undefined) {
    midnight = fromAmsterdam({ ...date, ...MIDNIGHT }).getTime();
    if (midnightByDay.size >= 100_000) midnightByDay.clear();
    midnightByDay.set(key, midnight);
  }
  return new Date(midnight);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getDay`. */
export function dayOfWeek(date: LocalDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc.getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DD`. */
export function formatDate(date: LocalDate): string {
  const pad = (value: number, length: number): string => String(value).padStart(length, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function dateOf(local: LocalDateTime): LocalDate {
  return { year: local.year, month: local.month, day: local.day };
}

export function timeOf(local: LocalDateTime): LocalTime {
  return { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
}
