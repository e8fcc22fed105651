import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { WorkingDayCalendar } from '#libs/calendar';
import { WorkingTimeIndex } from './working-time.js';

describe('WorkingTimeIndex', () => {
  const calendar = new WorkingDayCalendar();
  const index = new WorkingTimeIndex(calendar);

  it('counts only working-day time, as the calendar does', () => {
    // Friday 1 May 2026 10:00 to Tuesday 5 May 2026 10:00 (Bevrijdingsdag 2026 is no holiday: not a lustrum year).
    const from = new Date('2026-05-01T08:00:00Z');
    const to = new Date('2026-05-05T08:00:00Z');
    expect(index.between(from, to)).toBe(calendar.workingTimeBetween(from, to));
    expect(index.between(from, to)).toBe(2 * 86_400_000);
    // Over Easter 2026: Good Friday afternoon counts, the weekend and Easter Monday (6 April) do not.
    expect(index.tenthsBetween(new Date('2026-04-03T10:00:00Z'), new Date('2026-04-07T10:00:00Z'))).toBe(10); // Friday 12:00 to midnight, Tuesday midnight to 12:00
    expect(index.hoursBetween(new Date('2026-04-03T10:00:00Z'), new Date('2026-04-03T10:00:01Z'))).toBe(1);
  });

  it('agrees with WorkingDayCalendar.workingTimeBetween across weekends, holidays and clock changes', () => {
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 90 * 86_400_000 }), (start, span) => {
        const from = new Date(start);
        const to = new Date(start + span);
        expect(index.between(from, to)).toBe(calendar.workingTimeBetween(from, to));
      }),
      { numRuns: 300 },
    );
  });
});
