import { findDates, SPACE, type TextSpan } from './text-span.js';

/**
 * Phone numbers are found by their shape, not by checking them against numbering plans (libphonenumber-js
 * `findPhoneNumbersInText` was tried: it treats any 9-digit number without a leading 0 as a Dutch number, so it
 * would eat BSN-like and other bare numbers, and it skips numbers it considers invalid, such as a mistyped
 * 06-number or a number with a digit written after it; for scrubbing, a missed number is the worse error).
 *
 * The key to precision is the prefix: a phone number starts with a trunk `0` (Dutch national format), or with
 * `+` / `00` and a country code. Bare digit strings (years, amounts, PC4, 8-digit KvK numbers, 9-digit BSNs)
 * never start that way with the right number of digits, so they are left alone. Numbers written without that
 * prefix (`6 12345678`, `20 123 45 67`) are a form of their own, held to more, see `NL_WITHOUT_TRUNK`.
 *
 * Separators between digits (the detectors see normalised text, so every kind of dash is `-` and every kind of
 * space is a space, see `normaliseForDetection`):
 * - national, and international with `+31`/`0031`: one space, or one of `- . /` with optional spaces around it
 *   (`06-12345678`, `013 123 45 67`, `06.12.34.56.78`, `020 - 123 45 67`, `020/1234567`);
 * - other international: one space or a hyphen only; no dots, so that `+25.000.000` is not a phone number.
 * A number must not be glued to further digits, also not through a dot or a dash, nor come after a colon:
 * `06123456789` (11 digits) is not a Dutch number, nor is the end of `zaak 2026-0101234567`, nor `00:06 07.00-15.00`
 * (times). A date next to a number (`06-05-2025 10`) is not a phone number either.
 */
const SEP = String.raw`(?:${SPACE}?[-./]${SPACE}?|${SPACE})`;
const SEP_INT = String.raw`(?:${SPACE}?-${SPACE}?|${SPACE})`;

/**
 * Dutch national format, always exactly 10 digits starting with a single `0`:
 * - mobile: `06` + 8 digits, the `06` possibly in parentheses (`(06) 12345678`);
 * - other: a 3- or 4-digit area/service code (`010`, `020`, `013`, `0113`, `085`, `088`) + the rest, the code
 *   written without separators inside it and possibly in parentheses (`(020) 1234567`, `(0113) 123456`).
 * A first group of two digits other than `06` is not accepted, so dates such as `01-01-2025 12` stay intact.
 * Not scrubbed: 0800/0900 service numbers of 8 or 11 digits; they belong to organisations, not to people.
 */
const NL_NATIONAL = [
  String.raw`\(?06\)?(?:${SEP}?\d){8}`,
  String.raw`\(0[1-57-9]\d\)${SPACE}?\d(?:${SEP}?\d){6}`,
  String.raw`\(0[1-57-9]\d{2}\)${SPACE}?\d(?:${SEP}?\d){5}`,
  String.raw`0[1-57-9]\d(?:${SEP}?\d){7}`,
].join('|');

/**
 * Dutch number in international format: `+31` or `0031` (also in parentheses: `(+31)`), an optional trunk `0` or
 * `(0)` (which is wrong but common: `+31 (0)6 12345678`, `+31 06 12345678`), then exactly 9 digits starting with
 * 1-9.
 * Tried before the generic form so that it does not take a number written after the phone number.
 */
const NL_INTERNATIONAL = String.raw`(?:\((?:\+|00)31\)|(?:\+|00${SPACE}?)31)(?:${SEP}?\(0\)|${SEP}?0)?${SEP}?[1-9](?:${SEP}?\d){8}`;

/**
 * Any other international number: `+` or `00`, a country code starting with 1-9, then 8 to 15 digits in all
 * (E.164 allows at most 15), parentheses allowed around digits (`+1 (415) 555-2671`). The `+` must be followed
 * by the digit directly, so `+ 2 500 000` (an amount) is not taken. Being greedy, it may also take a short
 * number written right after the phone number with only a space in between (`+44 20 7946 0958 2`).
 */
const GENERIC_INTERNATIONAL = String.raw`(?:\+|00${SPACE}?)[1-9](?:${SEP_INT}?\(?\d\)?){7,14}`;

/** Dutch area codes without their trunk 0: two digits with a 7-digit subscriber number, three with a 6-digit one. */
const AREA_CODES_2 = '10|13|15|20|23|24|26|30|33|35|36|38|40|43|45|46|50|53|55|58|70|71|72|73|74|75|76|77|78|79|84|85|87|88';
const AREA_CODES_3 = [
  '111|113|114|115|117|118|161|162|164|165|166|167|168|172|174|180|181|182|183|184|186|187',
  '222|223|224|226|227|228|229|251|252|255|294|297|299',
  '313|314|315|316|317|318|320|321|341|342|343|344|345|346|347|348',
  '411|412|413|416|418|475|478|481|485|486|487|488|492|493|495|497|499',
  '511|512|513|514|515|516|517|518|519|521|522|523|524|525|527|528|529|541|543|544|545|546|547|548',
  '561|562|566|570|571|572|573|575|577|578|591|592|593|594|595|596|597|598|599',
].join('|');

/** Within a number written without its trunk 0: a space or a dash, no dots (those write amounts: `20 1.250.000`). */
const SEP_NO_TRUNK = String.raw`(?:${SPACE}?-${SPACE}?|${SPACE})`;
const AFTER_CODE = String.raw`(?:${SPACE}?[-/]${SPACE}?|${SPACE})`;

/**
 * A Dutch number written without its trunk `0`, as people do who know it from `+31`: `6 12345678`, `6-1234 5678`,
 * `(6) 12345678`, `612345678`, `20 123 45 67`, `(20) 1234567`, `113-123456`, or with `31` in front but no `+`/`00`
 * (`31 6 12345678`, `31612345678`, `31 (0)20 1234567`). Without the `0` a number is less clearly a phone number,
 * so this form asks more:
 * - a mobile number is `6` + 8 digits; any other number starts with a real area code (the list above), set apart
 *   by a separator or parentheses, and its subscriber part has no dots;
 * - after the code, the digits are one group or groups of two to four (see `isPhoneGrouping`);
 * - it stands alone: no letter, `+` or `€` right before it, and no digit before or after it, not even through a
 *   separator (`40 uur`, `3 6 12345678` are left alone). A digit after a sentence's full stop is fine.
 */
const NL_WITHOUT_TRUNK_BODY = [
  String.raw`\(?6\)?(?:${AFTER_CODE}?\d)(?:${SEP_NO_TRUNK}?\d){7}`,
  String.raw`(?:\((?:${AREA_CODES_2})\)${SPACE}?|(?:${AREA_CODES_2})${AFTER_CODE})\d(?:${SEP_NO_TRUNK}?\d){6}`,
  String.raw`(?:\((?:${AREA_CODES_3})\)${SPACE}?|(?:${AREA_CODES_3})${AFTER_CODE})\d(?:${SEP_NO_TRUNK}?\d){5}`,
].join('|');
const STANDING_ALONE_BEFORE = String.raw`(?<![\p{L}\p{N}+€]|[\p{N}€](?:[.,\-/]|${SPACE}?[\-/]${SPACE}?|${SPACE}))`;
const STANDING_ALONE_AFTER = String.raw`(?![\p{L}\p{N}]|[,\-/]?\p{N}|\.\d|${SPACE}?[\-/]${SPACE}?\p{N}|${SPACE}\p{N})`;
const NL_WITHOUT_TRUNK = STANDING_ALONE_BEFORE + String.raw`(?<body>${NL_WITHOUT_TRUNK_BODY})` + STANDING_ALONE_AFTER;
const NL_31_WITHOUT_PLUS =
  STANDING_ALONE_BEFORE +
  String.raw`31${SEP_NO_TRUNK}?(?:(?:\(0\)|0)${SEP_NO_TRUNK}?)?(?<body>${NL_WITHOUT_TRUNK_BODY})` +
  STANDING_ALONE_AFTER;

const PHONE_NUMBER = new RegExp(
  String.raw`(?<![\p{N}+]|\p{N}[.\-:])(?:${NL_INTERNATIONAL}|${GENERIC_INTERNATIONAL}|${NL_NATIONAL})(?![.\-]?\p{N})` +
    `|${NL_31_WITHOUT_PLUS}`,
  'gu',
);

const PHONE_NUMBER_WITHOUT_TRUNK = new RegExp(NL_WITHOUT_TRUNK, 'gu');

/**
 * Phone numbers with their trunk `0` or an international prefix, also `31` without `+` (see the forms above), in
 * the normalised text (see `normaliseForDetection`).
 */
export function findPhoneNumbers(text: string): TextSpan[] {
  return findPhoneNumbersBy(text, PHONE_NUMBER);
}

/**
 * Dutch phone numbers written without their trunk `0` or any prefix (see `NL_WITHOUT_TRUNK`), in the normalised
 * text. The scrubber looks for these after BSNs: `111 22 23 33` could be a number in Zierikzee (0111) without its
 * `0`, but nine digits written like that which pass the 11-proef are rather a BSN.
 */
export function findPhoneNumbersWithoutTrunk(text: string): TextSpan[] {
  return findPhoneNumbersBy(text, PHONE_NUMBER_WITHOUT_TRUNK);
}

/**
 * In a number written without its trunk `0`, the code (`6`, or the area code) and then one group of digits or
 * groups of two to four: `6 12345678`, `6 12 34 56 78`, `20 123 45 67`, `612345678`, not `60000000 4` (a KvK
 * number starting with 6, and a count) nor `6 1234567 8`.
 */
function isPhoneGrouping(body: string): boolean {
  const [code = '', ...rest] = body.match(/\d+/g) ?? [];
  if (rest.length === 0) return true;
  if (code.length > 4) return false;
  return rest.length === 1 || rest.every((group) => group.length >= 2 && group.length <= 4);
}

function findPhoneNumbersBy(text: string, phoneNumber: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  const dates = findDates(text);
  const pattern = new RegExp(phoneNumber);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    const body = match.groups?.['body'];
    if (dates.overlaps(match.index, end) || (body !== undefined && !isPhoneGrouping(body))) {
      // A date next to a number, or digits grouped unlike a phone number; a phone number may still start later.
      pattern.lastIndex = match.index + 1;
    } else {
      spans.push({ start: match.index, end });
    }
  }
  return spans;
}
