import type { Language } from './index';

const TIME_ZONE = 'Europe/Amsterdam';

function locale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "woensdag 2 december 2026" / "Wednesday 2 December 2026" (Europe/Amsterdam). */
export function dateInWords(iso: string, language: Language): string {
  const date = toDate(iso);
  if (date === null) return iso;
  const parts = new Intl.DateTimeFormat(locale(language), {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * The day a deadline falls on, for "uiterlijk …" / "by …": a reader takes that as "by the end of that day", so a
 * deadline at midnight (a same-working-day case is due at the midnight after) names the day that ends there.
 */
export function deadlineInWords(iso: string, language: Language): string {
  const date = toDate(iso);
  return date === null ? iso : dateInWords(new Date(date.getTime() - 1).toISOString(), language);
}

/** "2 dec 2026, 14:43" / "2 Dec 2026, 14:43" (Europe/Amsterdam). */
export function dateTime(iso: string, language: Language): string {
  const date = toDate(iso);
  if (date === null) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/**
 * A due moment for staff: "1 dec 2026, 24:00" for a deadline at midnight, so it is not read as the start of the next
 * day (a same-working-day case is due at the midnight after); any other moment as dateTime.
 */
export function deadlineTime(iso: string, language: Language): string {
  const date = toDate(iso);
  if (date === null) return iso;
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(date);
  if (clock !== '00:00:00') return dateTime(iso, language);
  const day = new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(date.getTime() - 1));
  return `${day}, 24:00`;
}

/** A whole number in the page's language. */
export function number(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}
