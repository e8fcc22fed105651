import { describe, it, expect } from '@jest/globals';
import { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * The days off per year under the default policy (Bevrijdingsdag only in lustrum years), written out by hand
 * from the Easter dates (2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21,
 * 2031-04-13) so that a change in date-holidays' data shows up here.
 */
const HOLIDAYS: Record<number, [string, string][]> = {
  2024: [
    ['2024-01-01', 'Nieuwjaarsdag'],
    ['2024-03-31', 'Eerste Paasdag'],
    ['2024-04-01', 'Tweede Paasdag'],
    ['2024-04-27', 'Koningsdag'], // a Saturday: stays, only a Sunday moves
    ['2024-05-09', 'Hemelvaartsdag'],
    ['2024-05-19', 'Eerste Pinksterdag'],
    ['2024-05-20', 'Tweede Pinksterdag'],
    ['2024-12-25', 'Eerste Kerstdag'],
    ['2024-12-26', 'Tweede Kerstdag'],
  ],
  2025: [
    ['2025-01-01', 'Nieuwjaarsdag'],
    ['2025-04-20', 'Eerste Paasdag'],
    ['2025-04-21', 'Tweede Paasdag'],
    ['2025-04-26', 'Koningsdag'], // 27 April 2025 is a Sunday
    ['2025-05-05', 'Bevrijdingsdag'], // lustrum year
    ['2025-05-29', 'Hemelvaartsdag'],
    ['2025-06-08', 'Eerste Pinksterdag'],
    ['2025-06-09', 'Tweede Pinksterdag'],
    ['2025-12-25', 'Eerste Kerstdag'],
    ['2025-12-26', 'Tweede Kerstdag'],
  ],
  2026: [
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-05', 'Eerste Paasdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-24', 'Eerste Pinksterdag'],
    ['2026-05-25', 'Tweede Pinksterdag'],
    ['2026-12-25', 'Eerste Kerstdag'],
    ['2026-12-26', 'Tweede Kerstdag'],
  ],
  2027: [
    ['2027-01-01', 'Nieuwjaarsdag'],
    ['2027-03-28', 'Eerste Paasdag'],
    ['2027-03-29', 'Tweede Paasdag'],
    ['2027-04-27', 'Koningsdag'],
    ['2027-05-06', 'Hemelvaartsdag'],
    ['2027-05-16', 'Eerste Pinksterdag'],
    ['2027-05-17', 'Tweede Pinksterdag'],
    ['2027-12-25', 'Eerste Kerstdag'],
    ['2027-12-26', 'Tweede Kerstdag'],
  ],
  2028: [
    ['2028-01-01', 'Nieuwjaarsdag'],
    ['2028-04-16', 'Eerste Paasdag'],
    ['2028-04-17', 'Tweede Paasdag'],
    ['2028-04-27', 'Koningsdag'],
    ['2028-05-25', 'Hemelvaartsdag'],
    ['2028-06-04', 'Eerste Pinksterdag'],
    ['2028-06-05', 'Tweede Pinksterdag'],
    ['2028-12-25', 'Eerste Kerstdag'],
    ['2028-12-26', 'Tweede Kerstdag'],
  ],
  2029: [
    ['2029-01-01', 'Nieuwjaarsdag'],
    ['2029-04-01', 'Eerste Paasdag'],
    ['2029-04-02', 'Tweede Paasdag'],
    ['2029-04-27', 'Koningsdag'],
    ['2029-05-10', 'Hemelvaartsdag'],
    ['2029-05-20', 'Eerste Pinksterdag'],
    ['2029-05-21', 'Tweede Pinksterdag'],
    ['2029-12-25', 'Eerste Kerstdag'],
    ['2029-12-26', 'Tweede Kerstdag'],
  ],
  2030: [
    ['2030-01-01', 'Nieuwjaarsdag'],
    ['2030-04-21', 'Eerste Paasdag'],
    ['2030-04-22', 'Tweede Paasdag'],
    ['2030-04-27', 'Koningsdag'],
    ['2030-05-05', 'Bevrijdingsdag'], // lustrum year, on a Sunday
    ['2030-05-30', 'Hemelvaartsdag'],
    ['2030-06-09', 'Eerste Pinksterdag'],
    ['2030-06-10', 'Tweede Pinksterdag'],
    ['2030-12-25', 'Eerste Kerstdag'],
    ['2030-12-26', 'Tweede Kerstdag'],
  ],
  2031: [
    ['2031-01-01', 'Nieuwjaarsdag'],
    ['2031-04-13', 'Eerste Paasdag'],
    ['2031-04-14', 'Tweede Paasdag'],
    ['2031-04-26', 'Koningsdag'], // 27 April 2031 is a Sunday
    ['2031-05-22', 'Hemelvaartsdag'],
    ['2031-06-01', 'Eerste Pinksterdag'],
    ['2031-06-02', 'Tweede Pinksterdag'],
    ['2031-12-25', 'Eerste Kerstdag'],
    ['2031-12-26', 'Tweede Kerstdag'],
  ],
};

const GOOD_FRIDAYS = ['2024-03-29', '2025-04-18', '2026-04-03', '2027-03-26', '2028-04-14', '2029-03-30', '2030-04-19'];

describe('holidaysOf', () => {
  const calendar = new WorkingDayCalendar();

  it.each(Object.entries(HOLIDAYS))('%s', (year, expected) => {
    expect(calendar.holidaysOf(Number(year))).toEqual(expected.map(([date, name]) => ({ date, name })));
  });

  it('gives Bevrijdingsdag every year with liberationDay every_year', () => {
    const everyYear = new WorkingDayCalendar({ liberationDay: 'every_year' });
    for (let year = 2024; year <= 2031; year++) {
      const expected = [...(HOLIDAYS[year] ?? []).map(([date, name]) => ({ date, name }))];
      if (year % 5 !== 0) expected.push({ date: `${year}-05-05`, name: 'Bevrijdingsdag' });
      expected.sort((a, b) => a.date.localeCompare(b.date));
      expect(everyYear.holidaysOf(year)).toEqual(expected);
    }
  });

  it('does not count Goede Vrijdag, Dodenherdenking, Oudejaarsdag or other observances', () => {
    const listed = new Set(Object.keys(HOLIDAYS).flatMap((year) => calendar.holidaysOf(Number(year)).map((h) => h.date)));
    for (const date of [...GOOD_FRIDAYS, '2026-05-04', '2026-12-31', '2026-12-05', '2026-12-15', '2026-09-15']) {
      expect(listed.has(date)).toBe(false);
    }
  });

  it('rejects a year that is not a whole number', () => {
    expect(() => calendar.holidaysOf(2026.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  const lustrum = new WorkingDayCalendar();
  const everyYear = new WorkingDayCalendar({ liberationDay: 'every_year' });

  it.each([
    // [instant, lustrum, every_year]
    ['2026-01-05T12:00:00+01:00', true, true], // Monday
    ['2026-01-09T12:00:00+01:00', true, true], // Friday
    ['2026-01-10T12:00:00+01:00', false, false], // Saturday
    ['2026-01-11T12:00:00+01:00', false, false], // Sunday
    ['2026-01-01T12:00:00+01:00', false, false], // Nieuwjaarsdag, a Thursday
    ['2026-04-03T12:00:00+02:00', true, true], // Goede Vrijdag is a working day
    ['2026-04-06T12:00:00+02:00', false, false], // Tweede Paasdag
    ['2026-04-27T12:00:00+02:00', false, false], // Koningsdag, a Monday
    ['2026-05-05T12:00:00+02:00', true, false], // Bevrijdingsdag, not a lustrum year
    ['2025-05-05T12:00:00+02:00', false, false], // Bevrijdingsdag in a lustrum year
    ['2026-05-14T12:00:00+02:00', false, false], // Hemelvaartsdag
    ['2027-05-17T12:00:00+02:00', false, false], // Tweede Pinksterdag
    ['2026-12-31T12:00:00+01:00', true, true], // Oudejaarsdag
    // The Amsterdam date decides, not the UTC date.
    ['2025-12-24T22:59:59.999Z', true, true], // 23:59:59.999 on Wednesday 24 December
    ['2025-12-24T23:00:00Z', false, false], // 00:00 on Eerste Kerstdag
    ['2026-01-09T23:30:00Z', false, false], // 00:30 on Saturday, still Friday in UTC
    ['2026-01-04T23:30:00Z', true, true], // 00:30 on Monday, still Sunday in UTC
  ])('%s -> %s / %s', (instant, expectedLustrum, expectedEveryYear) => {
    expect(lustrum.isWorkingDay(new Date(instant))).toBe(expectedLustrum);
    expect(everyYear.isWorkingDay(new Date(instant))).toBe(expectedEveryYear);
  });

  it('rejects an invalid date', () => {
    expect(() => lustrum.isWorkingDay(new Date('not a date'))).toThrow(RangeError);
  });

  it('rejects an unknown liberationDay policy, which may come from configuration', () => {
    expect(() => new WorkingDayCalendar({ liberationDay: 'sometimes' as 'lustrum' })).toThrow(RangeError);
  });
});
