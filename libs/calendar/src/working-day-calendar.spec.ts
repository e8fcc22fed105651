import { describe, it, expect } from '@jest/globals';
import { WorkingDayCalendar } from './working-day-calendar.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants are written with their Amsterdam offset, so the tests do not lean on the code under test. */
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('addWorkingDays', () => {
  const calendar = new WorkingDayCalendar();

  it.each([
    // [label, start, days, expected deadline]
    ['zero days on a working day', '2026-01-05T10:00:00+01:00', 0, '2026-01-05T10:00:00+01:00'],
    ['Monday + 1', '2026-01-05T10:00:00+01:00', 1, '2026-01-06T10:00:00+01:00'],
    ['Monday late evening + 1', '2026-01-05T23:30:00+01:00', 1, '2026-01-06T23:30:00+01:00'],
    ['Friday + 1 skips the weekend', '2026-01-09T16:00:00+01:00', 1, '2026-01-12T16:00:00+01:00'],
    ['Friday + 5 is the next Friday', '2026-01-09T16:00:00+01:00', 5, '2026-01-16T16:00:00+01:00'],
    ['Friday + 10 is two weeks on', '2026-01-09T16:00:00+01:00', 10, '2026-01-23T16:00:00+01:00'],
    ['Goede Vrijdag counts', '2026-04-02T10:00:00+02:00', 1, '2026-04-03T10:00:00+02:00'],
    ['over Easter', '2026-04-02T10:00:00+02:00', 2, '2026-04-07T10:00:00+02:00'],
    ['over Koningsdag on a Monday', '2026-04-24T12:00:00+02:00', 1, '2026-04-28T12:00:00+02:00'],
    ['over Hemelvaartsdag', '2026-05-13T10:00:00+02:00', 1, '2026-05-15T10:00:00+02:00'],
    ['over Pentecost', '2027-05-14T10:00:00+02:00', 1, '2027-05-18T10:00:00+02:00'],
    ['5 May is a working day outside lustrum years', '2026-05-04T10:00:00+02:00', 1, '2026-05-05T10:00:00+02:00'],
    ['5 May is a day off in lustrum years', '2025-05-02T10:00:00+02:00', 1, '2025-05-06T10:00:00+02:00'],
    ['over Christmas', '2025-12-24T15:00:00+01:00', 1, '2025-12-29T15:00:00+01:00'],
    ['to Oudejaarsdag', '2025-12-24T15:00:00+01:00', 3, '2025-12-31T15:00:00+01:00'],
    ['over the year end and Nieuwjaarsdag', '2025-12-24T15:00:00+01:00', 4, '2026-01-02T15:00:00+01:00'],
    ['into spring DST: same wall-clock time', '2026-03-27T10:00:00+01:00', 1, '2026-03-30T10:00:00+02:00'],
    ['into autumn DST: same wall-clock time', '2026-10-23T10:00:00+02:00', 1, '2026-10-26T10:00:00+01:00'],
    ['week over spring DST', '2026-03-25T08:15:00+01:00', 5, '2026-04-01T08:15:00+02:00'],
    // starts outside a working day count from 09:00 on the next working day
    ['Saturday + 0', '2026-01-10T23:00:00+01:00', 0, '2026-01-12T09:00:00+01:00'],
    ['Saturday + 1', '2026-01-10T23:00:00+01:00', 1, '2026-01-13T09:00:00+01:00'],
    ['Sunday early morning + 1', '2026-01-11T00:10:00+01:00', 1, '2026-01-13T09:00:00+01:00'],
    ['Nieuwjaarsdag + 1', '2026-01-01T10:00:00+01:00', 1, '2026-01-05T09:00:00+01:00'],
    ['Saturday 00:30 Amsterdam, still Friday in UTC', '2026-01-09T23:30:00Z', 1, '2026-01-13T09:00:00+01:00'],
    ['the Sunday of spring DST + 0', '2026-03-29T01:30:00+01:00', 0, '2026-03-30T09:00:00+02:00'],
    ['the Sunday of autumn DST + 1', '2026-10-25T02:30:00+01:00', 1, '2026-10-27T09:00:00+01:00'],
    ['Eerste Kerstdag + 2: from Monday 29th 09:00', '2025-12-25T12:00:00+01:00', 2, '2025-12-31T09:00:00+01:00'],
  ])('%s', (_label, start, days, expected) => {
    expect(iso(calendar.addWorkingDays(at(start), days))).toBe(iso(at(expected)));
  });

  it('treats 5 May as a day off every year with liberationDay every_year', () => {
    const everyYear = new WorkingDayCalendar({ liberationDay: 'every_year' });
    expect(iso(everyYear.addWorkingDays(at('2026-05-04T10:00:00+02:00'), 1))).toBe(iso(at('2026-05-06T10:00:00+02:00')));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s days', (days) => {
    expect(() => calendar.addWorkingDays(at('2026-01-05T10:00:00+01:00'), days)).toThrow(RangeError);
  });

  it('does not change its argument', () => {
    const start = at('2026-01-05T10:00:00+01:00');
    calendar.addWorkingDays(start, 3);
    expect(iso(start)).toBe('2026-01-05T09:00:00.000Z');
  });
});

describe('workingDaysBetween', () => {
  const calendar = new WorkingDayCalendar();

  it.each([
    ['same instant', '2026-01-05T10:00:00+01:00', '2026-01-05T10:00:00+01:00', 0],
    ['less than a day', '2026-01-05T10:00:00+01:00', '2026-01-06T09:59:59.999+01:00', 0],
    ['exactly a day', '2026-01-05T10:00:00+01:00', '2026-01-06T10:00:00+01:00', 1],
    ['Friday to Monday, not yet the time of day', '2026-01-09T16:00:00+01:00', '2026-01-12T15:59:00+01:00', 0],
    ['Friday to Monday', '2026-01-09T16:00:00+01:00', '2026-01-12T16:00:00+01:00', 1],
    ['Friday to Sunday', '2026-01-09T16:00:00+01:00', '2026-01-11T20:00:00+01:00', 0],
    ['Friday to Saturday a week on', '2026-01-09T16:00:00+01:00', '2026-01-17T10:00:00+01:00', 5],
    ['over Christmas and Nieuwjaarsdag', '2025-12-24T15:00:00+01:00', '2026-01-02T15:00:00+01:00', 4],
    ['Saturday to Monday 09:00', '2026-01-10T14:00:00+01:00', '2026-01-12T09:00:00+01:00', 0],
    ['Saturday to Tuesday 09:00', '2026-01-10T14:00:00+01:00', '2026-01-13T09:00:00+01:00', 1],
    ['Saturday to Sunday', '2026-01-10T14:00:00+01:00', '2026-01-11T14:00:00+01:00', 0],
    ['over spring DST', '2026-03-27T10:00:00+01:00', '2026-03-30T10:00:00+02:00', 1],
    ['backwards', '2026-01-06T10:00:00+01:00', '2026-01-05T10:00:00+01:00', -1],
    ['backwards within a weekend', '2026-01-11T10:00:00+01:00', '2026-01-10T10:00:00+01:00', 0],
  ])('%s', (_label, from, to, expected) => {
    expect(calendar.workingDaysBetween(at(from), at(to))).toBe(expected);
  });

  it('is the inverse of addWorkingDays', () => {
    for (let ms = Date.parse('2024-01-01T00:00:00Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 97 * HOUR + 13 * 60_000) {
      const start = new Date(ms);
      for (const days of [1, 3, 10]) {
        const deadline = calendar.addWorkingDays(start, days);
        expect(calendar.workingDaysBetween(start, deadline)).toBe(days);
        expect(calendar.workingDaysBetween(start, new Date(deadline.getTime() - 1))).toBe(days - 1);
      }
    }
  });
});

describe('addWorkingDuration', () => {
  const calendar = new WorkingDayCalendar();

  it.each([
    ['zero on a working day', '2026-01-05T10:00:00+01:00', 0, '2026-01-05T10:00:00+01:00'],
    ['zero on a Saturday stays put', '2026-01-10T10:00:00+01:00', 0, '2026-01-10T10:00:00+01:00'],
    ['within the day', '2026-01-05T10:00:00+01:00', 2 * HOUR, '2026-01-05T12:00:00+01:00'],
    ['past midnight into the next working day', '2026-01-05T22:00:00+01:00', 4 * HOUR, '2026-01-06T02:00:00+01:00'],
    ['Friday evening over the weekend', '2026-01-09T20:00:00+01:00', 6 * HOUR, '2026-01-12T02:00:00+01:00'],
    ['from Saturday: counts from Monday 00:00', '2026-01-10T10:00:00+01:00', HOUR, '2026-01-12T01:00:00+01:00'],
    ['a whole working day', '2026-01-09T16:00:00+01:00', DAY, '2026-01-12T16:00:00+01:00'],
    ['two working days over Christmas', '2025-12-24T15:00:00+01:00', 2 * DAY, '2025-12-30T15:00:00+01:00'],
    ['ends exactly at the end of a working day', '2025-12-24T00:00:00+01:00', DAY, '2025-12-25T00:00:00+01:00'],
    ['over the spring DST weekend', '2026-03-27T22:00:00+01:00', 4 * HOUR, '2026-03-30T02:00:00+02:00'],
    ['over the autumn DST weekend', '2026-10-23T22:00:00+02:00', 4 * HOUR, '2026-10-26T02:00:00+01:00'],
    ['one millisecond', '2026-01-05T23:59:59.999+01:00', 1, '2026-01-06T00:00:00+01:00'],
  ])('%s', (_label, start, workingMs, expected) => {
    expect(iso(calendar.addWorkingDuration(at(start), workingMs))).toBe(iso(at(expected)));
  });

  it('resumes a paused clock: only the working time before the pause is used up', () => {
    // SLA of 2 working days, started Friday 16:00, paused Friday 17:00, resumed Monday 09:00.
    const sla = 2 * DAY;
    const startedAt = at('2026-01-09T16:00:00+01:00');
    const pausedAt = at('2026-01-09T17:00:00+01:00');
    const resumedAt = at('2026-01-12T09:00:00+01:00');

    const used = calendar.workingTimeBetween(startedAt, pausedAt);
    expect(used).toBe(HOUR);
    const deadline = calendar.addWorkingDuration(resumedAt, sla - used);
    // Without the pause it would be Tuesday 16:00; the 16 working hours paused (Friday 17-24, Monday 0-9) move it.
    expect(iso(calendar.addWorkingDuration(startedAt, sla))).toBe(iso(at('2026-01-13T16:00:00+01:00')));
    expect(iso(deadline)).toBe(iso(at('2026-01-14T08:00:00+01:00')));
  });

  it('does not count a pause that lies entirely in a weekend', () => {
    const startedAt = at('2026-01-09T16:00:00+01:00');
    const used = calendar.workingTimeBetween(startedAt, at('2026-01-10T12:00:00+01:00'));
    const deadline = calendar.addWorkingDuration(at('2026-01-11T18:00:00+01:00'), 2 * DAY - used);
    expect(iso(deadline)).toBe(iso(calendar.addWorkingDuration(startedAt, 2 * DAY)));
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s ms', (workingMs) => {
    expect(() => calendar.addWorkingDuration(at('2026-01-05T10:00:00+01:00'), workingMs)).toThrow(RangeError);
  });

  it('matches addWorkingDays for whole days from a working day, also across DST and holidays', () => {
    for (let ms = Date.parse('2024-01-01T00:00:00Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 97 * HOUR + 13 * 60_000) {
      const start = new Date(ms);
      if (!calendar.isWorkingDay(start)) continue;
      for (const days of [1, 3, 10]) {
        expect(iso(calendar.addWorkingDuration(start, days * DAY))).toBe(iso(calendar.addWorkingDays(start, days)));
      }
    }
  });
});

describe('workingTimeBetween', () => {
  const calendar = new WorkingDayCalendar();

  it.each([
    ['within a day', '2026-01-05T10:00:00+01:00', '2026-01-05T12:30:00+01:00', 2.5 * HOUR],
    ['a weekend only', '2026-01-10T00:00:00+01:00', '2026-01-12T00:00:00+01:00', 0],
    ['Friday noon to Monday noon', '2026-01-09T12:00:00+01:00', '2026-01-12T12:00:00+01:00', DAY],
    ['the spring DST weekend: 95 h elapsed, 48 h working', '2026-03-27T00:00:00+01:00', '2026-03-31T00:00:00+02:00', 2 * DAY],
    ['Christmas week', '2025-12-22T00:00:00+01:00', '2025-12-29T00:00:00+01:00', 3 * DAY],
    ['backwards', '2026-01-05T12:00:00+01:00', '2026-01-05T10:00:00+01:00', -2 * HOUR],
    ['backwards within a weekend', '2026-01-11T10:00:00+01:00', '2026-01-10T10:00:00+01:00', 0],
  ])('%s', (_label, from, to, expected) => {
    expect(calendar.workingTimeBetween(at(from), at(to))).toBe(expected);
  });

  it('is the inverse of addWorkingDuration', () => {
    for (let ms = Date.parse('2024-01-01T00:00:00Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 97 * HOUR + 13 * 60_000) {
      const start = new Date(ms);
      for (const workingMs of [1, 7 * HOUR, 2 * DAY + 5 * HOUR]) {
        expect(calendar.workingTimeBetween(start, calendar.addWorkingDuration(start, workingMs))).toBe(workingMs);
      }
    }
  });
});
