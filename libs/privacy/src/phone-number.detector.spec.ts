import { describe, it, expect } from '@jest/globals';
import { findPhoneNumbers, findPhoneNumbersWithoutTrunk } from './phone-number.detector.js';

describe('findPhoneNumbers', () => {
  const found = (text: string): string[] => findPhoneNumbers(text).map(({ start, end }) => text.slice(start, end));

  describe('Dutch national format', () => {
    it.each([
      ['bel 06-12345678', '06-12345678'],
      ['bel 06 1234 5678', '06 1234 5678'],
      ['bel 0612345678', '0612345678'],
      ['bel 06 12 34 56 78', '06 12 34 56 78'],
      ['bel 06.12.34.56.78', '06.12.34.56.78'],
      ['bel 06-123 456 78', '06-123 456 78'],
      ['bel (06) 12345678', '(06) 12345678'],
      ['bel 013-1234567', '013-1234567'],
      ['bel 013 123 45 67', '013 123 45 67'],
      ['bel 020 - 123 45 67', '020 - 123 45 67'],
      ['bel 020/1234567', '020/1234567'],
      ['bel (020) 1234567', '(020) 1234567'],
      ['bel 0201234567', '0201234567'],
      ['bel 0113-123456', '0113-123456'],
      ['bel (0113) 123456', '(0113) 123456'],
      ['bel 085 123 4567', '085 123 4567'],
      ['tel:0612345678', '0612345678'],
      ['bel 06 12345678 2 keer', '06 12345678'],
    ])('%j -> %j', (text, expected) => {
      expect(found(text)).toEqual([expected]);
    });
  });

  describe('international format', () => {
    it.each([
      ['bel +31 6 12345678', '+31 6 12345678'],
      ['bel +31612345678.', '+31612345678'],
      ['bel +31 (0)6 1234 5678', '+31 (0)6 1234 5678'],
      ['bel +31(0)20 1234567', '+31(0)20 1234567'],
      ['bel +31 06 12345678', '+31 06 12345678'],
      ['bel +31-20-1234567', '+31-20-1234567'],
      ['bel 0031 6 12345678', '0031 6 12345678'],
      ['bel 0031612345678', '0031612345678'],
      ['bel +31 6 12345678 2 keer', '+31 6 12345678'], // exactly 9 digits after +31
      ['bel +31 6 1234567', '+31 6 1234567'], // mistyped: still scrubbed by the generic form
      ['bel +44 20 7946 0958', '+44 20 7946 0958'],
      ['bel +1 (415) 555-2671', '+1 (415) 555-2671'],
      ['bel +32 2 555 12 12', '+32 2 555 12 12'],
      ['bel +49 30 12345678', '+49 30 12345678'],
      ['bel 0049 30 12345678', '0049 30 12345678'],
      ['bel +90 532 123 45 67', '+90 532 123 45 67'],
      ['bel +234 803 123 4567', '+234 803 123 4567'],
      ['bel +354 5551234', '+354 5551234'],
      // +31 with the separators of the national format (every kind of dash is a hyphen after normalisation)
      ['bel +31.6.12.34.56.78', '+31.6.12.34.56.78'],
      ['bel +31 (0)20/123 45 67', '+31 (0)20/123 45 67'],
      ['bel +31 - 6 - 1234 5678', '+31 - 6 - 1234 5678'],
      ['bel (+31) 6 12345678', '(+31) 6 12345678'],
      ['bel (0031) 20 1234567', '(0031) 20 1234567'],
      // 31 without + or 00: held to the rules of a number without its trunk 0 (see findPhoneNumbersWithoutTrunk)
      ['bel 31 6 12345678', '31 6 12345678'],
      ['bel 31612345678', '31612345678'],
      ['bel 31 (0)6 12345678', '31 (0)6 12345678'],
      ['bel 31 20 1234567', '31 20 1234567'],
      ['bel 31 0 20 1234567', '31 0 20 1234567'],
      ['bel 31-(0)-20-123 45 67', '31-(0)-20-123 45 67'],
    ])('%j -> %j', (text, expected) => {
      expect(found(text)).toEqual([expected]);
    });
  });

  it('finds several numbers in one text', () => {
    expect(found('bel 06-12345678 of 013-1234567, anders +32 2 555 12 12')).toEqual([
      '06-12345678',
      '013-1234567',
      '+32 2 555 12 12',
    ]);
  });

  it.each([
    ['a year', 'in 2026 begin ik'],
    ['an amount', 'ik verdien € 1.500 per maand'],
    ['a big amount', 'een omzet van € 2.500.000'],
    ['a signed amount', 'een groei van +25.000.000 euro'],
    ['an amount after a plus', 'saldo + 2 500 000'],
    ['a PC4', 'ik woon in 5038'],
    ['a KvK number', 'kvk 12345678'],
    ['a 9-digit number', 'ik werk er 123456789 jaar'],
    ['a BSN', 'bsn 123456782'],
    ['a date', 'per 01-01-2025'],
    ['a date and an hour', 'op 01-01-2025 12 uur'],
    ['a date with dots', 'op 12.03.2024'],
    ['a time range', 'open van 09.00-17.00'],
    ['a case number', 'zaak 2026-000123'],
    ['11 digits', 'nummer 06123456789'],
    ['9 digits with a 0', 'nummer 061234567'],
    ['a service number', 'bel 0800-1234 of 0900 1234567'],
    ['a short number', 'bel 112 of 14 013'],
    ['percentages', 'tussen 10 en 20 procent'],
    ['a decimal', 'ik werk 0,8 fte'],
    ['a date and an hour, starting like a mobile number', 'op 06-05-2025 10 uur'],
    ['a date with slashes and an hour', 'op 06/05/2025 10 uur'],
    ['a number without its trunk 0', 'bel 6 12345678'], // see findPhoneNumbersWithoutTrunk
    ['two ISO dates', 'van 1950-06-01 1950-01-01'],
    ['a date and a time range', 'op 01-06-1950 07.00-15.00 uur'],
    ['31 and a count', 'ik ben 31 6 jaar geleden'],
  ])('leaves %s alone: %j', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPhoneNumbersWithoutTrunk', () => {
  const found = (text: string): string[] =>
    findPhoneNumbersWithoutTrunk(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ['bel 6 12345678', '6 12345678'],
    ['bel 6-12345678', '6-12345678'],
    ['bel 6 - 1234 5678', '6 - 1234 5678'],
    ['bel 6 12 34 56 78', '6 12 34 56 78'],
    ['bel (6) 12345678', '(6) 12345678'],
    ['bel 612345678', '612345678'],
    ['bel 6/12345678.', '6/12345678'],
    ['bel 20 1234567', '20 1234567'],
    ['bel 20-123 45 67', '20-123 45 67'],
    ['bel (20) 1234567', '(20) 1234567'],
    ['bel 13 123 4567', '13 123 4567'],
    ['bel 113 123456', '113 123456'],
    ['bel (113) 12 34 56', '(113) 12 34 56'],
    ['bel 88 123 4567', '88 123 4567'],
    ['bel 6 12345678. 2 keer', '6 12345678'],
    ['tel:612345678', '612345678'],
  ])('%j -> %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a bare 9-digit number that does not start with 6', 'ik werk er 201234567 jaar'],
    ['an area code glued to the rest', 'nummer 201234567'],
    ['no area code', 'bel 19 1234567'],
    ['an amount after a number', 'ik heb 20 1.250.000 euro'],
    ['an amount', 'het kost € 612345678'],
    ['a number before it', 'ik heb 3 6 12345678'],
    ['a number after it', 'bel 6 12345678 2 keer'],
    ['glued to a word', 'code A612345678'],
    ['a signed number', 'saldo +612345678'],
    ['a date and an hour', 'op 20-12-2024 3 uur'],
    ['hours and a count', 'ik werk 40 uur, 36 uur of 20 uur'],
    ['too few digits', 'bel 6 1234567'],
    ['too many digits', 'bel 6 123456789'],
    ['a KvK number starting with 6 and a count', 'kvk 60000000 4 uur'],
    ['digits grouped unlike a phone number', 'bel 6 1234567 8'],
    ['31 in front: findPhoneNumbers takes it', 'bel 31 6 12345678'],
  ])('leaves %s alone: %j', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
