import type { TextSpan } from './text-span.js';

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/**
 * ISO 13616 check: 15 to 34 characters, country letters, check digits 02..98, and the rearranged number
 * (first four characters moved to the end, letters as 10..35) leaves remainder 1 modulo 97.
 * Spaces and case are ignored, as people write IBANs both ways.
 *
 * There is deliberately no per-country length table: a stale table would let the IBAN of a newly added country
 * through unscrubbed, and mod-97 alone already rejects 96 of 97 random strings of the right shape.
 */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/[ \u00A0\u202F]/g, '').toUpperCase();
  if (!IBAN_SHAPE.test(iban)) return false;
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** Remainder modulo 97 of the number spelled by `value`, digit by digit so that no big integer is needed. */
function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const digitValue = Number.parseInt(char, 36);
    remainder = (remainder * (digitValue < 10 ? 10 : 100) + digitValue) % 97;
  }
  return remainder;
}

/**
 * A run of alphanumeric chunks separated by single spaces that starts with two letters and two check digits.
 * The chunks after the first are tried because IBANs are usually printed in groups of four
 * (`NL91 ABNA 0417 1643 00`); the run may also take in words that follow the IBAN, which `findIbans` trims off.
 * Ten extra chunks cover any grouping of 34 characters in fours, and bound the work per candidate.
 */
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}[A-Za-z0-9]*(?:[ \u00A0\u202F][A-Za-z0-9]+){0,10}/gu;

/**
 * IBANs that pass the mod-97 check, compact or in groups, upper or lower case.
 *
 * Where the chunks after an IBAN could be part of it, the longest prefix that ends at a chunk boundary, is 15..34
 * characters and passes the check wins. When the first chunk is in capitals, a later chunk with a lower-case
 * letter is never part of it: that is the Dutch word after `NL91 ABNA 0417 1643 00`.
 */
export function findIbans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = new RegExp(IBAN_CANDIDATE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const length = longestValidPrefix(match[0]);
    if (length === undefined) {
      // The run may still hold an IBAN that starts at a later chunk.
      pattern.lastIndex = match.index + 1;
    } else {
      spans.push({ start: match.index, end: match.index + length });
      // Words after the IBAN were part of this run; another IBAN may start among them.
      pattern.lastIndex = match.index + length;
    }
  }
  return spans;
}

/** Length (in `candidate`, spaces included) of its longest prefix that is a valid IBAN ending at a chunk boundary. */
function longestValidPrefix(candidate: string): number | undefined {
  const chunks = candidate.split(/[ \u00A0\u202F]/);
  const firstInCapitals = !/[a-z]/.test(chunks[0] ?? '');
  const boundaries: { length: number; compact: string }[] = [];
  let length = -1;
  let compact = '';
  for (const chunk of chunks) {
    if (compact !== '' && firstInCapitals && /[a-z]/.test(chunk)) break;
    length += chunk.length + 1;
    compact += chunk;
    if (compact.length > 34) break;
    boundaries.push({ length, compact });
  }
  for (const boundary of boundaries.reverse()) {
    if (isValidIban(boundary.compact)) return boundary.length;
  }
  return undefined;
}
