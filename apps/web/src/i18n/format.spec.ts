// Dates as citizens read them on the confirmation and status pages.
import { describe, expect, it } from '@jest/globals';
import { dateInWords, dateTime, deadlineInWords, deadlineTime } from './format.js';

describe('deadlineInWords', () => {
  it('names the day a same-working-day deadline ends: midnight after Tuesday is "by Tuesday"', () => {
    // 2026-12-02T00:00 in Amsterdam (CET, UTC+1).
    expect(deadlineInWords('2026-12-01T23:00:00.000Z', 'nl')).toBe('dinsdag 1 december 2026');
    expect(dateInWords('2026-12-01T23:00:00.000Z', 'nl')).toBe('woensdag 2 december 2026');
  });

  it('keeps the day of a deadline during the day', () => {
    expect(deadlineInWords('2026-12-04T13:43:00.000Z', 'en')).toBe('Friday 4 December 2026');
  });
});

describe('deadlineTime (staff pages)', () => {
  it('shows a midnight deadline as 24:00 on the day that ends, not 00:00 on the next', () => {
    expect(deadlineTime('2026-12-01T23:00:00.000Z', 'nl')).toBe('1 dec 2026, 24:00');
    expect(dateTime('2026-12-01T23:00:00.000Z', 'nl')).toBe('2 dec 2026, 00:00');
    // Summer time: midnight in Amsterdam is 22:00 UTC.
    expect(deadlineTime('2026-06-30T22:00:00.000Z', 'en')).toBe('30 Jun 2026, 24:00');
  });

  it('shows any other moment as it is', () => {
    expect(deadlineTime('2026-12-04T13:43:00.000Z', 'nl')).toBe(dateTime('2026-12-04T13:43:00.000Z', 'nl'));
  });
});
