/**
 * A copy of a text made for detecting personal data, with the way back to the text as it was written.
 *
 * People copy numbers out of PDFs, web pages and phones, and type them on keyboards of every script, so the same
 * BSN can arrive as `１２３４５６７８２`, `١٢٣٤٥٦٧٨٢`, `123\u200B456\u200B782` or `123–456–782`. The detectors only know
 * ASCII digits, one kind of space and one kind of dash; this copy gives them exactly that:
 * - NFKC, per character with its combining marks: fullwidth and other compatibility forms become plain
 *   (`１` → `1`, `＠` → `@`, `ﬁ` → `fi`), and a letter typed as base + accent is composed;
 * - every decimal digit (`\p{Nd}`: Arabic-Indic, Devanagari, Thai, …) becomes its ASCII digit;
 * - invisible characters are dropped: format characters (`\p{Cf}`: zero-width space/joiners, word joiner, BOM,
 *   soft hyphen, direction marks) and the other default-ignorables (variation selectors, combining grapheme joiner);
 * - every space (`\p{Zs}`: no-break, thin, figure, ideographic) and the tab become a plain space;
 * - every dash (`\p{Pd}`: hyphen, non-breaking hyphen, en dash, em dash, …) and the minus sign become `-`;
 * - the fraction and division slashes become `/`;
 * - a combining mark on anything other than a letter (a digit, a dash) is dropped.
 * Letters keep their case, line breaks stay line breaks, and nothing else changes. The scrubber detects on this
 * copy and replaces the matching spans of the original, so the rest of the text stays as the person wrote it.
 */
export interface NormalisedText {
  /** The normalised copy. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, where the characters it came from start in the original. */
  readonly sourceStart: readonly number[];
  /** For each UTF-16 unit of `text`, where the characters it came from end in the original. */
  readonly sourceEnd: readonly number[];
}

const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const SPACE = /[\p{Zs}\t]/u;
const DASH = /[\p{Pd}\u2212]/u;
const SLASH = /[\u2044\u2215]/u;

/** Builds the detection copy of `original`; see `NormalisedText`. */
export function normaliseForDetection(original: string): NormalisedText {
  let text = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let previousIsLetter = false;

  const emit = (char: string, start: number, end: number): void => {
    text += char;
    for (let k = 0; k < char.length; k++) {
      sourceStart.push(start);
      sourceEnd.push(end);
    }
    previousIsLetter = LETTER.test(char);
  };

  let position = 0;
  while (position < original.length) {
    const start = position;
    const code = original.charCodeAt(position);
    // Plain ASCII other than the tab is already in its normalised form: the common case, kept cheap.
    if (code < 0x80 && code !== 0x09 && !isFollowedByMark(original, position + 1)) {
      text += original[position] ?? '';
      position += 1;
      sourceStart.push(start);
      sourceEnd.push(position);
      previousIsLetter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
      continue;
    }
    // One character with the combining marks after it, so that NFKC can compose them.
    position += codePointLength(original, position);
    while (position < original.length && isFollowedByMark(original, position)) position += codePointLength(original, position);
    for (const char of original.slice(start, position).normalize('NFKC')) {
      const mapped = normaliseCharacter(char, previousIsLetter);
      if (mapped !== '') emit(mapped, start, position);
    }
  }
  return { text, sourceStart, sourceEnd };
}

/** Only the normalised copy, for code that compares or searches text the way the scrubber sees it. */
export function normaliseFreeText(text: string): string {
  return normaliseForDetection(text).text;
}

/** The normalised form of one character (after NFKC): itself, a replacement, or `''` when it is dropped. */
function normaliseCharacter(char: string, previousIsLetter: boolean): string {
  if (char.charCodeAt(0) < 0x80) return char === '\t' ? ' ' : char;
  if (INVISIBLE.test(char)) return '';
  if (MARK.test(char)) return previousIsLetter ? char : '';
  if (DECIMAL_DIGIT.test(char)) return String(decimalDigitValue(char.codePointAt(0) ?? 0));
  if (SPACE.test(char)) return ' ';
  if (DASH.test(char)) return '-';
  if (SLASH.test(char)) return '/';
  return char;
}

function codePointLength(text: string, position: number): number {
  return (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
}

function isFollowedByMark(text: string, position: number): boolean {
  if (position >= text.length) return false;
  const code = text.charCodeAt(position);
  return code >= 0x300 && MARK.test(String.fromCodePoint(text.codePointAt(position) ?? 0));
}

const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode encodes every set of decimal digits as ten consecutive code
 * points 0..9 (a stability guarantee), and sets that follow each other directly (the mathematical digits) are
 * whole sets too, so the value is the distance from the first digit of the unbroken run, modulo 10.
 */
export function decimalDigitValue(codePoint: number): number {
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  let first = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first -= 1;
  const value = (codePoint - first) % 10;
  digitValues.set(codePoint, value);
  return value;
}
