/** A half-open range `[start, end)` of UTF-16 offsets in a text, as `String.prototype.slice` takes it. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Character classes shared by the detectors.
 *
 * Copy-pasted text (PDF letters, web forms) often carries no-break spaces inside numbers and postcodes
 * ("1234\u00A0AB"), so every pattern that allows a space also allows U+00A0 and U+202F.
 */
export const SPACE = '[ \\u00A0\\u202F]';

/**
 * A date with its day, month and year (`12-03-2024`, `1/3/2024`, `12.03.2024`, `12 - 03 - 2024`, `2024-03-12`),
 * not glued to other digits. Digits of a date next to another number (`12-03-2024 3`, `06-05-2025 10`,
 * `1950-06-01 1950-01-01`) can add up to the length of a BSN or a phone number; the detectors reject a candidate
 * that takes in part of a date (see `findDates`).
 */
export const DATE = new RegExp(
  String.raw`(?<!\d)(?:` +
    String.raw`(?:0?[1-9]|[12]\d|3[01])(${SPACE}?[.\-/]${SPACE}?)(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d` +
    String.raw`|(?:19|20)\d\d(${SPACE}?-${SPACE}?)(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])` +
    String.raw`)(?!\d)`,
  'u',
);

/** The dates in `text` (see `DATE`), with a test whether a span takes in part of one. */
export function findDates(text: string): { overlaps: (start: number, end: number) => boolean } {
  const dates = [...text.matchAll(new RegExp(DATE, 'gu'))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  return { overlaps: (start, end) => dates.some((date) => date.start < end && start < date.end) };
}
