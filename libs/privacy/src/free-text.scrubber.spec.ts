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

  describe('formats from the security review', () => {
    it.each([
      // BSN: any grouping and separators, digits of any script, invisible characters
      ['bsn 111 22 23 33', 'bsn [bsn]'],
      ['bsn 111/222/333', 'bsn [bsn]'],
      ['bsn 111.222 333', 'bsn [bsn]'],
      ['bsn 111\u200B222\u200B333', 'bsn [bsn]'],
      ['bsn 111\u00AD222\u2060333\uFEFF.', 'bsn [bsn]\uFEFF.'], // an invisible character after it stays
      ['bsn 111–222–333', 'bsn [bsn]'],
      ['bsn ١١١٢٢٢٣٣٣', 'bsn [bsn]'],
      ['bsn ۱۱۱ ۲۲۲ ۳۳۳', 'bsn [bsn]'],
      ['bsn १११२२२३३३', 'bsn [bsn]'],
      ['bsn １１１２２２３３３', 'bsn [bsn]'],
      ['bsn 111\u2009222\u2009333', 'bsn [bsn]'],
      // IBAN with dashes or dots: whole, not half
      ['iban NL91-ABNA-0417-1643-00 graag', 'iban [iban] graag'],
      ['iban NL91.ABNA.0417.1643.00.', 'iban [iban].'],
      ['iban NL91\u2013ABNA\u20130417\u2013164300', 'iban [iban]'],
      ['iban ＮＬ９１ＡＢＮＡ０４１７１６４３００', 'iban [iban]'],
      ['iban NL91\u00A0ABNA\u00A00417\u00A01643\u00A000', 'iban [iban]'],
      // phone: en dash, em dash, minus sign, without the 0, +31 / 0031 / 31
      ['bel 06–12345678', 'bel [telefoon]'],
      ['bel 06 — 12 34 56 78', 'bel [telefoon]'],
      ['bel 020\u2212123\u22124567', 'bel [telefoon]'],
      ['bel 6 12345678', 'bel [telefoon]'],
      ['bel (6) 1234 5678', 'bel [telefoon]'],
      ['bel (20) 123 45 67', 'bel [telefoon]'],
      ['bel 31 6 12345678', 'bel [telefoon]'],
      ['bel +31\u00A06\u200B12345678', 'bel [telefoon]'],
      ['bel 0031 (0)6–1234–5678', 'bel [telefoon]'],
      ['bel ٠٦١٢٣٤٥٦٧٨', 'bel [telefoon]'],
      // e-mail with spaces, in brackets, in words
      ['mail jan @ example.nl', 'mail [e-mail]'],
      ['mail jan @ example . nl', 'mail [e-mail]'],
      ['mail jan [at] example.nl', 'mail [e-mail]'],
      ['mail jan punt jansen at gmail punt com', 'mail [e-mail]'],
      ['mail jan apenstaartje ziggo punt nl.', 'mail [e-mail].'],
      ['mail jan\u200B@example.nl', 'mail [e-mail]'],
      ['mail jan＠example．nl', 'mail [e-mail]'],
      // postcode with a thin space or a zero-width space
      ['postcode 5038\u2009EB', 'postcode [postcode]'],
      ['postcode 5038\u200BEB', 'postcode [postcode]'],
    ])('%j -> %j', (text, expected) => {
      expect(scrubFreeText(text)).toBe(expected);
    });

    it('keeps the rest of the text as it was written, unicode included', () => {
      expect(scrubFreeText('Ｉk　ben\u00A0Jürgen – bsn １１１–２２２–３３３, «bel» 06\u201112345678 😊\r\n')).toBe(
        'Ｉk　ben\u00A0Jürgen – bsn [bsn], «bel» [telefoon] 😊\r\n',
      );
    });
  });

  it.each([
    'Ik werk er 123456789 jaar en verdien € 1.500 per maand.',
    'Sinds 2026 woon ik in 5038 en mijn werkgever heeft kvk 12345678.',
    'Ons bedrijf gaat op 01-04-2026 failliet, 25 van de 120 mensen moeten weg.',
    'Ik zoek een baan van 32 uur, 0,8 fte, in regio 013.',
    'Ik wil omscholen, mijn STAP-budget van 2024 is op.',
    'Per 12–03–2024 werk ik 40 uur per week voor € 1.250,00 bruto, van 09:30 tot 17:00.',
    'Op 10-11-2024 2 uur overgewerkt, op 06-05-2025 10 uur.', // a date and a number
    'Ik werk 3 jaar bij bol.com en mijn kvk is 12345678 2 keer gewijzigd.',
    'Ik werk at home en verdien € 123.456.782 per jaar (grapje).',
    'Ik ben al 20 jaar mijn eigen baas. Waar kan ik hulp krijgen?',
    'IK BEN AL 20 JAAR MIJN EIGEN BAAS WAAR KAN IK HULP KRIJGEN?',
    'Huisnummer 12a, 3e verdieping, 20% korting, 0,8 fte.',
    '',
  ])('leaves %j unchanged', (text) => {
    expect(scrubFreeText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = scrubFreeText('bsn 123456782, NL91ABNA0417164300, 06-12345678, a@b.nl, 1234 AB');
    expect(scrubFreeText(once)).toBe(once);
    const written = scrubFreeText('bsn ١١١ ٢٢ ٢٣ ٣٣, NL91–ABNA–0417–1643–00, 6\u200B12345678, jan [at] b punt nl');
    expect(written).toBe('bsn [bsn], [iban], [telefoon], [e-mail]');
    expect(scrubFreeText(written)).toBe(written);
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
    ['bsn ١١١٢٢٢٣٣٣', true],
    ['jan @ example . nl', true],
    ['postcode 5038', false],
  ])('%j -> %s', (text, expected) => {
    expect(containsPersonalData(text)).toBe(expected);
  });
});
