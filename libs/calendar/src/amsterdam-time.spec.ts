import { describe, it, expect } from '@jest/globals';
import { addDays, dayOfWeek, fromAmsterdam, toAmsterdam } from './amsterdam-time.js';
import fc from 'fast-check';

describe('toAmsterdam', () => {
  it.each([
    ['2026-01-15T11:30:05.123Z', [2026, 1, 15, 12, 30, 5, 123]], // CET, +01:00
    ['2026-07-15T11:30:05.123Z', [2026, 7, 15, 13, 30, 5, 123]], // CEST, +02:00
    ['2026-12-31T23:00:00.000Z', [2027, 1, 1, 0, 0, 0, 0]],
    ['2026-03-29T00:59:59.999Z', [2026, 3, 29, 1, 59, 59, 999]], // just before spring forward
    ['2026-03-29T01:00:00.000Z', [2026, 3, 29, 3, 0, 0, 0]], // 02:00 CET becomes 03:00 CEST
    ['2026-10-25T00:30:00.000Z', [2026, 10, 25, 2, 30, 0, 0]], // first 02:30, CEST
    ['2026-10-25T01:30:00.000Z', [2026, 10, 25, 2, 30, 0, 0]], // second 02:30, CET
  ])('%s', (instant, [year, month, day, hour, minute, second, millisecond]) => {
    expect(toAmsterdam(new Date(instant))).toEqual({ year, month, day, hour, minute, second, millisecond });
  });
});

describe('fromAmsterdam', () => {
  const at = (year: number, month: number, day: number, hour: number, minute = 0) =>
    fromAmsterdam({ year, month, day, hour, minute, second: 0, millisecond: 0 }).toISOString();

  it('reads winter and summer times with their own offset', () => {
    expect(at(2026, 1, 15, 12)).toBe('2026-01-15T11:00:00.000Z');
    expect(at(2026, 7, 15, 12)).toBe('2026-07-15T10:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(at(2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(at(2026, 3, 29, 3, 0)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier of a time that occurs twice in autumn', () => {
    expect(at(2026, 10, 25, 2, 30)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(at(2026, 10, 25, 3, 0)).toBe('2026-10-25T02:00:00.000Z');
  });

  it('round-trips every hour of a year', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      const local = toAmsterdam(ms);
      // In the autumn fold the second occurrence maps back to the first; everything else is exact.
      const back = fromAmsterdam(local).getTime();
      expect(back === ms || back === ms - 3_600_000).toBe(true);
    }
  });
});

describe('date arithmetic', () => {
  it('steps over month and year ends and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('knows the weekday', () => {
    expect(dayOfWeek({ year: 2026, month: 1, day: 1 })).toBe(4); // Thursday
    expect(dayOfWeek({ year: 2025, month: 4, day: 27 })).toBe(0); // Sunday
  });
});

describe('toAmsterdam remembers offsets per UTC hour without changing an answer', () => {
  const intl = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  it('agrees with Intl for any instant from 1980 to 2100, around every DST change too', () => {
    const from = Date.UTC(1980, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    // Instants near the last Sundays of March and October (01:00 UTC) weigh in heavily.
    const nearTransition = fc.tuple(fc.integer({ min: 1980, max: 2099 }), fc.constantFrom(2, 9), fc.integer({ min: -7200_000, max: 7200_000 })).map(([year, month, delta]) => {
      const lastSunday = new Date(Date.UTC(year, month + 1, 0));
      lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
      return lastSunday.getTime() + 3600_000 + delta;
    });
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: from, max: to }), nearTransition), (ms) => {
        const parts = Object.fromEntries(intl.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
        const local = toAmsterdam(ms);
        expect([local.year, local.month, local.day, local.hour, local.minute, local.second]).toEqual([parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]);
      }),
      { numRuns: 5000 },
    );
  });
});
