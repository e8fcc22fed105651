import Holidays from 'date-holidays';

/** Which years 5 May (Bevrijdingsdag) is a day off. */
export type LiberationDayPolicy = 'every_year' | 'lustrum';

export interface PublicHoliday {
  /** Amsterdam calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
}

/**
 * date-holidays (country NL) computes the dates, Easter included. Its classification is checked against what
 * we want, the nationally observed days off, and it agrees except for two days we decide ourselves:
 * - it marks the days off we want as type `public` (Nieuwjaarsdag, both Easter days, Koningsdag with the Sunday
 *   rule, Hemelvaartsdag, both Pentecost days, both Christmas days), and observances such as Dodenherdenking,
 *   Sinterklaas, Prinsjesdag as `observance` and Oudejaarsdag as `bank`: only `public` is taken;
 * - Goede Vrijdag is `school` there; it is not a general day off in the Netherlands (most CAOs do not give it),
 *   so it is excluded by rule even if a later data release were to reclassify it;
 * - Bevrijdingsdag is `school` there; whether it is a day off is our policy, see `LiberationDayPolicy`, so any
 *   5 May entry from the library is dropped and the day is added by the policy.
 * The holiday table test pins the outcome for 2024-2030, so a data change in a new release shows up there.
 *
 * The library's rule keys are used to give the days their usual Dutch names; a public day we have no name for
 * (Koningsdag, or Koninginnedag before 2014) keeps the library's Dutch name.
 */
const NAMES_BY_RULE: ReadonlyMap<string, string> = new Map([
  ['01-01', 'Nieuwjaarsdag'],
  ['easter', 'Eerste Paasdag'],
  ['easter 1', 'Tweede Paasdag'],
  ['easter 39', 'Hemelvaartsdag'],
  ['easter 49', 'Eerste Pinksterdag'],
  ['easter 50', 'Tweede Pinksterdag'],
  ['12-25', 'Eerste Kerstdag'],
  ['12-26', 'Tweede Kerstdag'],
]);
const GOOD_FRIDAY_RULE = 'easter -2';
const LIBERATION_DAY = '05-05';

// One instance for the process: loading the NL rules is the expensive part, computing a year is cheap.
let holidays: Holidays | undefined;
function nlHolidays(): Holidays {
  holidays ??= new Holidays('NL', { languages: ['nl'], timezone: 'Europe/Amsterdam' });
  return holidays;
}

/** The days off in `year`, in date order, including those that fall on a weekend. */
export function dutchPublicHolidays(year: number, liberationDay: LiberationDayPolicy): PublicHoliday[] {
  const days: PublicHoliday[] = nlHolidays()
    .getHolidays(year, 'nl')
    .filter((holiday) => holiday.type === 'public' && holiday.rule !== GOOD_FRIDAY_RULE)
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: NAMES_BY_RULE.get(holiday.rule) ?? holiday.name }))
    .filter((holiday) => holiday.date.slice(5) !== LIBERATION_DAY);
  if (isLiberationDayOff(year, liberationDay)) {
    days.push({ date: `${String(year).padStart(4, '0')}-${LIBERATION_DAY}`, name: 'Bevrijdingsdag' });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 'lustrum': a day off only in years divisible by 5 (2025, 2030), the rule in many CAOs, so the default.
 * 'every_year': every year, for regions whose CAO gives it yearly, and as the Algemene termijnenwet counts
 * 5 May when it extends statutory deadlines.
 */
function isLiberationDayOff(year: number, policy: LiberationDayPolicy): boolean {
  switch (policy) {
    case 'every_year':
      return true;
    case 'lustrum':
      return year % 5 === 0;
  }
}
