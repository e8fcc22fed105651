import { describe, it, expect } from '@jest/globals';
import { findIbans, isValidIban } from './iban.detector.js';

describe('isValidIban', () => {
  it.each([
    ['NL91ABNA0417164300', true],
    ['NL20INGB0001234567', true],
    ['nl91abna0417164300', true],
    ['NL91 ABNA 0417 1643 00', true],
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765432', true],
    ['BE68539007547034', true],
    ['FR1420041010050500013M02606', true],
    ['NO9386011117947', true], // shortest: 15
    ['LC55HEMM000100010012001200023015', true], // 32
    ['MT84MALT011000012345MTLCAST001S', true],
    ['NL91ABNA0417164301', false], // one digit off
    ['NL19ABNA0417164300', false], // check digits swapped
    ['NL9ABNA0417164300', false],
    ['NL91ABNA041716430', false], // one character short: mod-97 fails
    ['NL91ABNA04171643000000000000000000000', false], // longer than 34
    ['1291ABNA0417164300', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isValidIban(value)).toBe(expected);
  });

  it('rejects check digits 00, 01 and 99, which ISO 13616 never produces', () => {
    // Check digits congruent modulo 97 pass the remainder test alike: 00~97, 01~98, 99~02.
    expect(isValidIban('NL97ABNA0417164386')).toBe(true);
    expect(isValidIban('NL00ABNA0417164386')).toBe(false);
    expect(isValidIban('NL98ABNA0417164368')).toBe(true);
    expect(isValidIban('NL01ABNA0417164368')).toBe(false);
    expect(isValidIban('NL02ABNA0417164350')).toBe(true);
    expect(isValidIban('NL99ABNA0417164350')).toBe(false);
  });
});

describe('findIbans', () => {
  const found = (text: string): string[] => findIbans(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ['iban NL91ABNA0417164300.', ['NL91ABNA0417164300']],
    ['iban NL91 ABNA 0417 1643 00 en ik', ['NL91 ABNA 0417 1643 00']],
    ['iban nl91 abna 0417 1643 00 graag', ['nl91 abna 0417 1643 00']],
    ['op NL91ABNA0417164300 of NL20 INGB 0001 2345 67', ['NL91ABNA0417164300', 'NL20 INGB 0001 2345 67']],
    ['NL91 ABNA 0417 1643 00 en NL20INGB0001234567', ['NL91 ABNA 0417 1643 00', 'NL20INGB0001234567']],
    ['BE68 5390 0754 7034 voor de huur', ['BE68 5390 0754 7034']],
    ['BE68 5390 0754 7034 2026', ['BE68 5390 0754 7034']], // a number after it that does not belong to it
    ['DE89 3704 0044 0532 0130 00', ['DE89 3704 0044 0532 0130 00']],
    ['FR14 2004 1010 0505 0001 3M02 606!', ['FR14 2004 1010 0505 0001 3M02 606']],
    ['(GB82WEST12345698765432)', ['GB82WEST12345698765432']],
    ['rekening AB12 NL91ABNA0417164300', ['NL91ABNA0417164300']],
    // printed with dashes or dots (after normalisation every kind of dash is a hyphen)
    ['iban NL91-ABNA-0417-1643-00 graag', ['NL91-ABNA-0417-1643-00']],
    ['iban NL91.ABNA.0417.1643.00.', ['NL91.ABNA.0417.1643.00']],
    ['iban NL91 - ABNA - 0417 - 1643 - 00', ['NL91 - ABNA - 0417 - 1643 - 00']],
    ['iban nl91-abna-0417-1643-00', ['nl91-abna-0417-1643-00']],
    ['DE89-3704-0044-0532-0130-00, dank', ['DE89-3704-0044-0532-0130-00']],
    // the country code apart, or grouped in twos
    ['iban NL 91 ABNA 0417 1643 00', ['NL 91 ABNA 0417 1643 00']],
    ['iban NL91 AB NA 04 17 16 43 00', ['NL91 AB NA 04 17 16 43 00']],
    // in capitals with a lower-case account part
    ['iban NL91 abna 0417 1643 00', ['NL91 abna 0417 1643 00']],
    // a full stop and a space end the sentence, not the IBAN
    ['iban NL91ABNA0417164300. 12 keer', ['NL91ABNA0417164300']],
    // where the way it is printed says it ends: NL50ABNA0417164359UWV and NL14ABNA0417164328KAN pass mod-97 too
    ['iban NL50ABNA0417164359 UWV', ['NL50ABNA0417164359']],
    ['iban NL50 ABNA 0417 1643 59 UWV', ['NL50 ABNA 0417 1643 59']],
    ['iban nl14abna0417164328 kan dat?', ['nl14abna0417164328']],
    ['iban nl14 abna 0417 1643 28 kan dat?', ['nl14 abna 0417 1643 28']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'NL91ABNA0417164301', // fails mod-97
    'XNL91ABNA0417164300', // part of a longer word
    'NL91ABNA0417164300X',
    'order AB12CDEF3456789012',
    'NL91 ABNA',
    'nl 91 abna 0417 1643 00', // a country code apart only in capitals: `al 20 jaar` is Dutch
    // AL20JAARMIJNEIGENBAASWAARKANIK passes mod-97, as 1 in 97 strings do; an account part is at least half digits
    'IK BEN AL 20 JAAR MIJN EIGEN BAAS WAAR KAN IK HULP KRIJGEN?',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});
