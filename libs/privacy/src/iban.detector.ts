import { SPACE, type TextSpan } from './text-span.js';

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
 * Between the chunks of a printed IBAN: one space, a dash with at most one space on either side, or a dot. Not a
 * dot and a space: that ends a sentence.
 */
const CHUNK_SEPARATOR = String.raw`(?:${SPACE}?-${SPACE}?|\.|${SPACE})`;

/**
 * A run of alphanumeric chunks that starts with two letters and two check digits (`NL91`, or `NL 91` in capitals),
 * the chunks separated by one space, dash or dot. The chunks after the first are tried because IBANs are usually
 * printed in groups of four (`NL91 ABNA 0417 1643 00`, `NL91-ABNA-0417-1643-00`, `NL91.ABNA.0417.1643.00`); the run
 * may also take in words that follow the IBAN, which `findIbans` trims off. Seventeen extra chunks cover any
 * grouping of 34 characters in twos, and bound the work per candidate.
 */
const IBAN_CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[A-Za-z]{2}|[A-Z]{2}${CHUNK_SEPARATOR})\d{2}[A-Za-z0-9]*` +
    String.raw`(?:${CHUNK_SEPARATOR}[A-Za-z0-9]+){0,17}`,
  'gu',
);

/**
 * IBANs that pass the mod-97 check, compact or in groups, upper or lower case. Expects the normalised text (see
 * `normaliseForDetection`), in which every kind of dash is `-`.
 *
 * Where the chunks after an IBAN could be part of it, the longest prefix that ends at a chunk boundary, is 15..34
 * characters and passes the check wins. A word after it is not part of it (`NL91 ABNA 0417 1643 00 en`,
 * `nl91abna0417164300 graag`; see `longestValidPrefix`), unless the IBAN is only valid with it.
 */
export function findIbans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = new RegExp(IBAN_CANDIDATE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const length = longestValidPrefix(match[0], true) ?? longestValidPrefix(match[0], false);
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

/**
 * Length (in `candidate`, separators included) of its longest prefix that is a valid IBAN ending at a chunk
 * boundary. With `stopAtWords`, the IBAN ends where the way it is printed says it ends, before what reads as a word:
 * - written compactly (`NL91ABNA0417164300`), it is that one chunk;
 * - printed in groups of four, a shorter group is its last (`NL91 ABNA 0417 1643 00 UWV`);
 * - when its opening chunks (up to the one holding the check digits, or the first character after them) are in
 *   capitals, it ends before a chunk with a lower-case letter (`NL91 ABNA 0417 1643 00 en`);
 * - when it is in lower case, it ends before a chunk of letters only once the account part has had digits
 *   (`nl91 abna 0417 1643 00 graag`).
 */
function longestValidPrefix(candidate: string, stopAtWords: boolean): number | undefined {
  const chunks = [...candidate.matchAll(/[A-Za-z0-9]+/g)];
  const boundaries: { length: number; compact: string }[] = [];
  let inCapitals = true;
  let compact = '';
  let lastChunk = false;
  for (const chunk of chunks) {
    const text = chunk[0];
    const isOpening = compact.length < 4;
    if (isOpening) {
      inCapitals &&= !/[a-z]/.test(text);
    } else if (stopAtWords) {
      const isWord = inCapitals ? /[a-z]/.test(text) : /^[a-z]+$/i.test(text) && /\d/.test(compact.slice(4));
      if (lastChunk || isWord) break;
    }
    compact += text;
    if (compact.length > 34) break;
    boundaries.push({ length: chunk.index + text.length, compact });
    lastChunk = isOpening ? compact.length >= 15 : text.length < 4;
  }
  for (const boundary of boundaries.reverse()) {
    if (isValidIban(boundary.compact) && hasDigitsForHalf(boundary.compact.slice(4))) return boundary.length;
  }
  return undefined;
}

/**
 * The account part of every IBAN is at least half digits (the bank code may be letters, the rest is numbers); a run
 * of words is not (`AL 20 JAAR MIJN EIGEN BAAS`, which passes mod-97 as 1 in 97 strings do).
 */
function hasDigitsForHalf(accountPart: string): boolean {
  return accountPart.replace(/\D/g, '').length * 2 >= accountPart.length;
}
