import { SPACE, type TextSpan } from './text-span.js';

/**
 * The 11-proef for a burgerservicenummer: weights 9..2 for the first eight digits and -1 for the last; the sum
 * must be divisible by 11. All-zero is excluded because it passes arithmetically but is never issued.
 *
 * Only the 9-digit form is accepted: 8-digit numbers are how KvK numbers look, and old 8-digit sofinummers are
 * written with a leading zero once they are BSNs.
 */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/[ .\-\u00A0\u202F]/g, '');
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * The ways a BSN is written, and nothing looser, so that lists of amounts do not line up into a "BSN":
 * - `123456782`      nine digits in a row
 * - `123.456.782`    3-3-3 with one kind of separator: dot, space or hyphen (`123 456 782`, `123-456-782`)
 * - `1234.56.782`    4-2-3 with dots or spaces, the layout on Dutch ID documents (`1234 56 782`)
 * The number must not be glued to other digits, also not through a decimal point or comma (`1.123456782`).
 */
const BSN_PATTERN = new RegExp(
  String.raw`(?<!\p{N}[.,]?)` +
    String.raw`(?:\d{9}|\d{3}(${SPACE}|[.\-])\d{3}\1\d{3}|\d{4}(${SPACE}|\.)\d{2}\2\d{3})` +
    String.raw`(?![.,]?\p{N})`,
  'gu',
);

/** Numbers that look like a BSN and pass the 11-proef; a 9-digit number that fails it is left alone. */
export function findBsns(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(BSN_PATTERN)) {
    if (isValidBsn(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
