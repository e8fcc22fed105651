import { SPACE, type TextSpan } from './text-span.js';

/**
 * Phone numbers are found by their shape, not by checking them against numbering plans (libphonenumber-js
 * `findPhoneNumbersInText` was tried: it treats any 9-digit number without a leading 0 as a Dutch number, so it
 * would eat BSN-like and other bare numbers, and it skips numbers it considers invalid, such as a mistyped
 * 06-number or a number with a digit written after it; for scrubbing, a missed number is the worse error).
 *
 * The key to precision is the prefix: a phone number starts with a trunk `0` (Dutch national format), or with
 * `+` / `00` and a country code. Bare digit strings (years, amounts, PC4, 8-digit KvK numbers, 9-digit BSNs)
 * never start that way with the right number of digits, so they are left alone.
 *
 * Separators between digits:
 * - national: one space, or one of `- . /` with optional spaces around it (`06-12345678`, `013 123 45 67`,
 *   `06.12.34.56.78`, `020 - 123 45 67`, `020/1234567`);
 * - international: one space or a hyphen only; no dots, so that `+25.000.000` is not a phone number.
 * A number must not be glued to further digits: `06123456789` (11 digits) is not a Dutch number.
 */
const SEP = String.raw`(?:${SPACE}?[-./]${SPACE}?|${SPACE})`;
const SEP_INT = String.raw`(?:${SPACE}?-${SPACE}?|${SPACE})`;

/**
 * Dutch national format, always exactly 10 digits starting with a single `0`:
 * - mobile: `06` + 8 digits, the `06` possibly in parentheses (`(06) 12345678`);
 * - other: a 3- or 4-digit area/service code (`010`, `020`, `013`, `0113`, `085`, `088`) + the rest, the code
 *   written without separators inside it and possibly in parentheses (`(020) 1234567`, `(0113) 123456`).
 * A first group of two digits other than `06` is not accepted, so dates such as `01-01-2025 12` stay intact.
 * Known remaining collision: a date like `06-05-2025 10` is read as a mobile number.
 * Not scrubbed: 0800/0900 service numbers of 8 or 11 digits; they belong to organisations, not to people.
 */
const NL_NATIONAL = [
  String.raw`\(?06\)?(?:${SEP}?\d){8}`,
  String.raw`\(0[1-57-9]\d\)${SPACE}?\d(?:${SEP}?\d){6}`,
  String.raw`\(0[1-57-9]\d{2}\)${SPACE}?\d(?:${SEP}?\d){5}`,
  String.raw`0[1-57-9]\d(?:${SEP}?\d){7}`,
].join('|');

/**
 * Dutch number in international format: `+31` or `0031`, an optional trunk `0` or `(0)` (which is wrong but
 * common: `+31 (0)6 12345678`, `+31 06 12345678`), then exactly 9 digits starting with 1-9.
 * Tried before the generic form so that it does not take a number written after the phone number.
 */
const NL_INTERNATIONAL = String.raw`(?:\+|00${SPACE}?)31(?:${SEP_INT}?\(0\)|${SEP_INT}?0)?${SEP_INT}?[1-9](?:${SEP_INT}?\d){8}`;

/**
 * Any other international number: `+` or `00`, a country code starting with 1-9, then 8 to 15 digits in all
 * (E.164 allows at most 15), parentheses allowed around digits (`+1 (415) 555-2671`). The `+` must be followed
 * by the digit directly, so `+ 2 500 000` (an amount) is not taken. Being greedy, it may also take a short
 * number written right after the phone number with only a space in between (`+44 20 7946 0958 2`).
 */
const GENERIC_INTERNATIONAL = String.raw`(?:\+|00${SPACE}?)[1-9](?:${SEP_INT}?\(?\d\)?){7,14}`;

const PHONE_NUMBER = new RegExp(
  String.raw`(?<![\p{N}+])(?:${NL_INTERNATIONAL}|${GENERIC_INTERNATIONAL}|${NL_NATIONAL})(?!\p{N})`,
  'gu',
);

export function findPhoneNumbers(text: string): TextSpan[] {
  return [...text.matchAll(PHONE_NUMBER)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
