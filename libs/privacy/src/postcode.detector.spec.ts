import { describe, it, expect } from '@jest/globals';
import { findPostcodes } from './postcode.detector.js';

describe('findPostcodes', () => {
  const found = (text: string): string[] => findPostcodes(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ['Hoofdstraat 1, 1234 AB Tilburg', '1234 AB'],
    ['postcode 1234AB', '1234AB'],
    ['postcode 1234ab', '1234ab'],
    ['postcode 1234 ab', '1234 ab'],
    ['postcode 1234 Ab', '1234 Ab'],
    ['postcode 1000AA', '1000AA'],
    ['postcode 9999 ZZ', '9999 ZZ'],
    ['postcode 5038 EN', '5038 EN'], // capitals: even a word-like pair is a postcode
    ['postcode 5038en', '5038en'], // glued: not a word
    ['postcode 1500KM', '1500KM'], // capitals glued: not a unit
    ['(5038 EB)', '5038 EB'],
    ['postcode 1234\u00A0AB', '1234\u00A0AB'],
    ['postcode 1234 SB', '1234 SB'],
  ])('%j -> %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a PC4', 'ik woon in 5038'],
    ['a PC4 and a word', 'ik woon in 5038 en werk in 5041'],
    ['a year and a word', 'in 2026 ga ik met pensioen'],
    ['an amount and a word', 'ik heb 1500 op mijn rekening'],
    ['a quantity with a unit', 'ik rijd 1500km per maand en slik 1000mg'],
    ['below 1000', 'postcode 0999 AB'],
    ['three digits', 'postcode 999 AB'],
    ['five digits', 'nummer 12345 AB'],
    ['three letters', 'postcode 1234 ABC'],
    ['letters SA', 'postcode 1234 SA'],
    ['letters SD', 'postcode 1234SD'],
    ['letters SS', 'postcode 1234 ss'],
    ['glued to a word', 'code X1234AB'],
    ['glued to digits', 'code 1234AB5'],
    ['part of a decimal', 'het is 1.1234 AB'],
    ['a year and cv', 'sinds 2024 cv gestuurd'],
  ])('leaves %s alone: %j', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
