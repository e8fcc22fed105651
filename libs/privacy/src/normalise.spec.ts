import { describe, it, expect } from '@jest/globals';
import { decimalDigitValue, normaliseForDetection, normaliseFreeText } from './normalise.js';

describe('normaliseFreeText', () => {
  it.each([
    ['fullwidth digits', '１２３４５６７８２', '123456782'],
    ['Arabic-Indic digits', '١٢٣٤٥٦٧٨٢', '123456782'],
    ['Extended Arabic-Indic (Persian) digits', '۱۲۳۴۵۶۷۸۲', '123456782'],
    ['Devanagari digits', '१२३४५६७८२', '123456782'],
    ['Bengali digits', '১২৩', '123'],
    ['Thai digits', '๑๒๓', '123'],
    ['mathematical bold digits (outside the BMP)', '\u{1D7CF}\u{1D7D0}\u{1D7D1}', '123'],
    ['mathematical monospace digits', '\u{1D7F6}\u{1D7F7}\u{1D7FF}', '019'],
    ['zero-width space, non-joiner and joiner', '123\u200B456\u200C78\u200D2', '123456782'],
    ['word joiner, BOM and soft hyphen', '\uFEFF123\u2060456\u00AD782', '123456782'],
    ['direction marks', '\u200E123\u200F456\u202A782\u202C', '123456782'],
    ['variation selector and combining grapheme joiner', '1\uFE0F2\u034F3', '123'],
    ['no-break, narrow, thin, figure and ideographic spaces', '1\u00A02\u202F3\u20094\u20075\u30006', '1 2 3 4 5 6'],
    ['a tab', 'a\tb', 'a b'],
    ['dashes of every kind and the minus sign', '1\u20102\u20113\u20124\u20135\u20146\u22127\uFF0D8\uFE639', '1-2-3-4-5-6-7-8-9'],
    ['fraction and division slashes', '12\u204403\u221524', '12/03/24'],
    ['a fullwidth at sign and full stop', 'jan＠example．nl', 'jan@example.nl'],
    ['a ligature', 'ﬁets', 'fiets'],
    ['a letter with a combining accent is composed', 'Ju\u0308rgen', 'Jürgen'],
    ['a combining mark on a digit is dropped', '1\u20E32\u0301', '12'],
    ['ASCII text', 'Ik werk 40 uur per week, sinds 01-03-2024.', 'Ik werk 40 uur per week, sinds 01-03-2024.'],
    ['line breaks', 'regel 1\r\nregel 2', 'regel 1\r\nregel 2'],
    ['letters of other scripts', 'Merhaba, yaşındayım; Привет', 'Merhaba, yaşındayım; Привет'],
    ['emoji', 'top 👍🏽 en 👨‍👩‍👧', 'top 👍🏽 en 👨👩👧'],
  ])('%s', (_label, text, expected) => {
    expect(normaliseFreeText(text)).toBe(expected);
  });
});

describe('normaliseForDetection', () => {
  it('maps every unit of the copy back to the characters it came from', () => {
    const original = 'a\u200B１\u{1D7D0}e\u0301\u2013';
    const { text, sourceStart, sourceEnd } = normaliseForDetection(original);
    expect(text).toBe('a12\u00E9-');
    const sources = [...text].map((_char, i) => original.slice(sourceStart[i], sourceEnd[i]));
    expect(sources).toEqual(['a', '１', '\u{1D7D0}', 'e\u0301', '\u2013']);
  });

  it('maps a character that NFKC expands to the one it came from', () => {
    const { text, sourceStart, sourceEnd } = normaliseForDetection('xﬁy');
    expect(text).toBe('xfiy');
    expect(sourceStart).toEqual([0, 1, 1, 2]);
    expect(sourceEnd).toEqual([1, 2, 2, 3]);
  });
});

describe('decimalDigitValue', () => {
  it('knows the digits of every script: each run of decimal digits is made of whole sets 0..9', () => {
    // Decimal digits live in the first two planes; the planes above hold ideographs, tags and private use.
    const end = 0x20000;
    let runStart = -1;
    for (let codePoint = 0; codePoint <= end; codePoint++) {
      const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      const isDigit = codePoint < end && !isSurrogate && /\p{Nd}/u.test(String.fromCodePoint(codePoint));
      if (isDigit && runStart < 0) runStart = codePoint;
      if (!isDigit && runStart >= 0) {
        const run = { start: runStart.toString(16), length: codePoint - runStart };
        expect({ ...run, wholeSets: run.length % 10 === 0 }).toEqual({ ...run, wholeSets: true });
        runStart = -1;
      }
    }
  });

  it.each([
    ['0660', 0],
    ['0669', 9],
    ['0967', 1],
    ['0E58', 8],
    ['FF15', 5],
    ['1D7CE', 0], // mathematical bold zero, first of five sets in one run
    ['1D7FF', 9], // mathematical monospace nine, last of them
  ])('U+%s -> %d', (hex, value) => {
    expect(decimalDigitValue(Number.parseInt(hex, 16))).toBe(value);
  });
});
