import { SPACE, type TextSpan } from './text-span.js';

/**
 * A full Dutch postcode (PC6): four digits 1000-9999, an optional space, two letters, standing alone.
 * A bare four-digit PC4 is not personal enough to scrub: the intake asks for it on purpose.
 */
const POSTCODE = new RegExp(String.raw`(?<![\p{L}\p{N}]|\p{N}[.,])([1-9]\d{3})(${SPACE}?)([A-Za-z]{2})(?![\p{L}\p{N}])`, 'gu');

/** Letter pairs PostNL never issues (they recall the SA, SD and SS). */
const UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

/**
 * Written in lower case with a space, a postcode looks exactly like a number followed by a short word
 * ("in 2026 en 2027", "1500 op de rekening"). Those pairs are taken to be words. The cost is that a real
 * postcode with these letters, typed in lower case with a space, is kept; its PC4 part is not personal data
 * on its own, and the same letters in capitals or glued (`5038EN`, `5038en`) are still scrubbed.
 */
const WORDS_AFTER_A_NUMBER = new Set([
  // Dutch
  'al', 'af', 'da', 'de', 'en', 'er', 'ga', 'ge', 'he', 'ie', 'ik', 'in', 'is', 'ja', 'je', 'me', 'na', 'nu',
  'of', 'oh', 'ok', 'om', 'op', 'pa', 'ma', 'te', 'tm', 'tv', 'uw', 'we', 'ze', 'zo',
  // English
  'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'if', 'it', 'my', 'no', 'on', 'or', 'pm', 'so', 'to', 'up', 'us',
  // units and abbreviations
  'ca', 'cm', 'ct', 'cc', 'cv', 'dl', 'gb', 'kb', 'kg', 'km', 'kw', 'mb', 'mg', 'ml', 'mm', 'pk', 'pp', 'st', 'tb', 'uu',
]);

/** Glued to the number in lower case, a postcode looks like a quantity with a unit (`1500km`, `2000mg`). */
const UNITS = new Set(['cc', 'cl', 'cm', 'ct', 'dl', 'dm', 'gb', 'hz', 'kb', 'kg', 'km', 'kw', 'mb', 'mg', 'ml', 'mm', 'mw', 'pk', 'st', 'tb', 'uu']);

/**
 * Postcodes in the forms `1234 AB`, `1234AB`, `1234ab`, `1234 ab` (and mixed case), letters not SA/SD/SS.
 * Capital letters are always taken. Lower- or mixed-case letters are taken unless they form a common short word
 * after a space or a unit glued to the number, see `WORDS_AFTER_A_NUMBER` and `UNITS`.
 */
export function findPostcodes(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(POSTCODE)) {
    const [whole, , separator = '', letters = ''] = match;
    if (UNUSED_LETTERS.has(letters.toUpperCase())) continue;
    if (/[a-z]/.test(letters)) {
      const lower = letters.toLowerCase();
      if (separator === '' ? UNITS.has(lower) : WORDS_AFTER_A_NUMBER.has(lower)) continue;
    }
    spans.push({ start: match.index, end: match.index + whole.length });
  }
  return spans;
}
