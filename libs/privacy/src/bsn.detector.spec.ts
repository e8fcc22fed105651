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
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'ik werk er 123456789 jaar', // 9 digits failing the 11-proef
    'kvk 12345678', // 8 digits
    'rekening 1234567820', // 10 digits
    'bedrag 1.123456782', // glued to a number through a decimal point
    'code 1234567829',
    '123.456-782', // mixed separators
    '12.34.56.782', // not a layout BSNs are written in
    '123  456  782', // double spaces
    'in 2026 kreeg ik € 1.500',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});
