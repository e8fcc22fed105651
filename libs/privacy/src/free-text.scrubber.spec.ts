import { describe, it, expect } from '@jest/globals';
import { containsPersonalData, scrubFreeText } from './free-text.scrubber.js';

describe('scrubFreeText', () => {
  it.each([
    ['mijn bsn is 123456782', 'mijn bsn is [bsn]'],
    ['bsn 1234 56 782 en 123.456.782', 'bsn [bsn] en [bsn]'],
    ['iban NL91 ABNA 0417 1643 00 graag', 'iban [iban] graag'],
    ['iban nl91abna0417164300', 'iban [iban]'],
    ['mail me op jan.jansen@example.nl!', 'mail me op [e-mail]!'],
    ['bel 06-12345678 of +31 20 123 4567', 'bel [telefoon] of [telefoon]'],
    ['Dorpsstraat 3, 5038 EB Tilburg', 'Dorpsstraat 3, [postcode] Tilburg'],
    // order: the account part of a grouped IBAN reads as a phone number (0417 164300)
    ['NL91 ABNA 0417 1643 00', '[iban]'],
    // order: an e-mail address holding a phone number and a BSN stays one placeholder
    ['0612345678.123456782@example.nl', '[e-mail]'],
    // order: +31 followed by a 9-digit run that passes the 11-proef is a phone number
    ['+31 111222333', '[telefoon]'],
    [
      'Ik ben Jan (bsn 111222333), woon op 1234AB, bel 0612345678 of mail jan@x.nl, rekening NL20INGB0001234567.',
      'Ik ben Jan (bsn [bsn]), woon op [postcode], bel [telefoon] of mail [e-mail], rekening [iban].',
    ],
    ['regel 1\nbsn 123456782\n\tregel 3', 'regel 1\nbsn [bsn]\n\tregel 3'],
  ])('%j -> %j', (text, expected) => {
    expect(scrubFreeText(text)).toBe(expected);
  });

  it.each([
    'Ik werk er 123456789 jaar en verdien € 1.500 per maand.',
    'Sinds 2026 woon ik in 5038 en mijn werkgever heeft kvk 12345678.',
    'Ons bedrijf gaat op 01-04-2026 failliet, 25 van de 120 mensen moeten weg.',
    'Ik zoek een baan van 32 uur, 0,8 fte, in regio 013.',
    'Ik wil omscholen, mijn STAP-budget van 2024 is op.',
    '',
  ])('leaves %j unchanged', (text) => {
    expect(scrubFreeText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = scrubFreeText('bsn 123456782, NL91ABNA0417164300, 06-12345678, a@b.nl, 1234 AB');
    expect(scrubFreeText(once)).toBe(once);
  });
});

describe('containsPersonalData', () => {
  it.each([
    ['bsn 123456782', true],
    ['NL91ABNA0417164300', true],
    ['a@b.nl', true],
    ['06-12345678', true],
    ['1234 AB', true],
    ['ik werk er 123456789 jaar', false],
    ['al gescrubd: [bsn] [iban] [telefoon]', false],
    ['postcode 5038', false],
  ])('%j -> %s', (text, expected) => {
    expect(containsPersonalData(text)).toBe(expected);
  });
});
