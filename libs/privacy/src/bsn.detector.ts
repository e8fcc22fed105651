import { normaliseFreeText } from './normalise.js';
import { findDates, SPACE, type TextSpan } from './text-span.js';

/**
 * The 11-proef for a burgerservicenummer: weights 9..2 for the first eight digits and -1 for the last; the sum
 * must be divisible by 11. All-zero is excluded because it passes arithmetically but is never issued.
 *
 * Only the 9-digit form is accepted: 8-digit numbers are how KvK numbers look, and old 8-digit sofinummers are
 * written with a leading zero once they are BSNs. Digits of any script and separators (spaces, dots, dashes,
 * slashes, invisible characters) are allowed in `value`.
 */
export function isValidBsn(value: string): boolean {
  const digits = normaliseFreeText(value).replace(/[ .\-/]/g, '');
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * Between two digits: one or two spaces, a dot, or a dash or slash with at most two spaces on either side. Not a dot
 * and a space: that ends a sentence (`sinds 2024. 12.345 euro`).
 */
const GAP = String.raw`(?:${SPACE}{0,2}[\-/]${SPACE}{0,2}|\.|${SPACE}{1,2})`;

/**
 * Nine digits with a separator or none between any two of them, not glued to other digits: not directly, and not
 * through a mark that makes one number of them (`1.123456782`, `1,123456782`, `2026-123456782`, `123456782/2`), and
 * not after a colon (`12:30`).
 * A digit after a space is a number of its own (`bsn 123456782 2 keer`, `123456782 - 06-12345678`), and so is one
 * after the full stop that ends a sentence (`bsn 123456782. 3 jaar`). An amount is not a BSN (`€ 123.456.782`).
 */
const BSN_CANDIDATE = new RegExp(
  String.raw`(?<!\p{N}[.,:\-/]?|€${SPACE}?)\d(?:${GAP}?\d){8}(?![.,\-/]?\p{N})`,
  'gu',
);

/**
 * Whether the way the nine digits are written is a way BSNs are written, rather than a date or an amount next to
 * another number:
 * - nine digits in a row, or in groups of one to four digits (`123 456 782`, `1234 56 782`, `111 22 23 33`,
 *   `12 34 56 782`); a group of five or more next to another one is a longer number and a short one
 *   (`12345678 3`: a KvK number and a count);
 * - any separators between the groups, mixed too (`111/222 333`, `123.456-782`, `123  456  782`): people write a
 *   BSN however they like, and the 11-proef lets through only one in eleven numbers that are something else;
 * - dots mixed with spaces only in 3-3-3 (`111.222 333`), as `2008 63.514` is a year and an amount.
 * A date next to a number (`12-03-2024 3`) is not a BSN either; `findBsns` checks that.
 */
function isBsnLayout(candidate: string): boolean {
  const groups = candidate.split(/[ .\-/]+/);
  if (groups.length > 1 && groups.some((group) => group.length > 4)) return false;
  if (!(candidate.includes('.') && candidate.includes(' '))) return true;
  return groups.map((group) => group.length).join('-') === '3-3-3';
}

/**
 * Numbers written the way BSNs are written (see `isBsnLayout`) that pass the 11-proef; a 9-digit number that fails
 * it is left alone. Expects the normalised text (see `normaliseForDetection`): ASCII digits, dashes as `-`.
 */
export function findBsns(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const dates = findDates(text);
  const pattern = new RegExp(BSN_CANDIDATE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const candidate = match[0].replace(/[\u00A0\u202F]/g, ' ');
    const end = match.index + candidate.length;
    if (isBsnLayout(candidate) && isValidBsn(candidate) && !dates.overlaps(match.index, end)) {
      spans.push({ start: match.index, end });
    } else {
      // Nine other digits of the same run, starting at a later group, may still be a BSN.
      pattern.lastIndex = match.index + 1;
    }
  }
  return spans;
}
