import { describe, it, expect } from '@jest/globals';
import { findBsns, isValidBsn } from './bsn.detector.js';

describe('isValidBsn', () => {
  it.each([
    ['123456782', true],
    ['111222333', true],
    ['999999990', true],
    ['012345672', true], // a former 8-digit sofinummer, written with its leading zero
    ['123.456.782', true],
    ['1234 56 782', true],
    ['123456789', false], // fails the 11-proef
    ['123456781', false],
    ['000000000', false], // passes arithmetically, never issued
    ['12345678', false], // 8 digits: KvK-like
    ['1234567820', false],
    ['12345678a', false],
    ['111/222/333', true],
    ['111 22 23 33', true],
    ['１２３４５６７８２', true], // digits of any script
    ['١٢٣٤٥٦٧٨٢', true],
    ['123\u200B456\u200B782', true], // invisible characters
    ['123\u2013456\u2013782', true], // en dash
  ])('%s -> %s', (value, expected) => {
    expect(isValidBsn(value)).toBe(expected);
  });
});

describe('findBsns', () => {
  const found = (text: string): string[] => findBsns(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ['mijn bsn is 123456782', ['123456782']],
    ['BSN: 123.456.782.', ['123.456.782']],
    ['bsn 123 456 782', ['123 456 782']],
    ['bsn 123-456-782', ['123-456-782']],
    ['bsn 1234 56 782', ['1234 56 782']],
    ['bsn 1234.56.782', ['1234.56.782']],
    ['bsn\u00A0123\u00A0456\u00A0782', ['123\u00A0456\u00A0782']],
    ['(123456782)', ['123456782']],
    ['111222333 en 999999990', ['111222333', '999999990']],
    // any grouping in groups of up to four digits, with one kind of separator
    ['bsn 111 22 23 33', ['111 22 23 33']],
    ['bsn 12 34 56 782', ['12 34 56 782']],
    ['bsn 1 1 1 2 2 2 3 3 3', ['1 1 1 2 2 2 3 3 3']],
    ['bsn 111/222/333', ['111/222/333']],
    ['bsn 111 / 222 / 333', ['111 / 222 / 333']],
    ['bsn 111 - 222 - 333', ['111 - 222 - 333']],
    ['bsn 1112-22-333', ['1112-22-333']],
    // spaces mixed with one kind of punctuation
    ['bsn 111.222 333', ['111.222 333']],
    ['bsn 111-222 333', ['111-222 333']],
    // where it ends
    ['bsn 123456782 2 keer', ['123456782']],
    ['bsn 123 456 782 2 keer', ['123 456 782']],
    ['bsn 123456782. 3 jaar geleden', ['123456782']],
    ['bsn 123456782 - 0612345678', ['123456782']],
    ['bsn 1 123 456 782', ['123 456 782']],
    ['bsn: 123456782/ iban', ['123456782']],
    // Any separators, as the security review found them written: mixed, dots in any grouping, double spaces.
    ['bsn 123.456-782', ['123.456-782']],
    ['bsn 12.34.56.782', ['12.34.56.782']],
    ['bsn 123  456  782', ['123  456  782']],
    ['bsn 12.345.6782', ['12.345.6782']],
    ['bsn 123/456.782', ['123/456.782']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'ik werk er 123456789 jaar', // 9 digits failing the 11-proef
    'kvk 12345678', // 8 digits
    'rekening 1234567820', // 10 digits
    'bedrag 1.123456782', // glued to a number through a decimal point
    'code 1234567829',
    'in 2026 kreeg ik € 1.500',
    '2026-123456782', // glued through a dash: a case number
    '123456782/2', // glued through a slash
    '1,123456782',
    '€ 123.456.782', // an amount
    '€123456782',
    // the nine digits below pass the 11-proef
    'kvk 12345678 2 jaar', // a KvK number and a count: a group of eight is not part of a BSN
    '12345 6782', // groups of five or more are other numbers
    'op 10-11-2024 2 uur', // a date and a number
    'op 10/11/2024 2 uur',
    'op 10.11.2024 2 uur',
    'op 10 - 11 - 2024 2 uur',
    'op 2023-10-10 3 uur',
    'bsn 1234.56 782', // dots and spaces mixed only in 3-3-3:
    'in 2008 63.514 euro', // a year and an amount
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});
