import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { scrubFreeText } from './free-text.scrubber.js';
import { normaliseFreeText } from './normalise.js';
import { DATE } from './text-span.js';

/**
 * Property tests for the scrubber: personal data written in every common way, embedded in Dutch sentence text, is
 * replaced as a whole, and the text around it, and text without personal data (amounts, dates, times, ordinary
 * numbers), is left exactly as it was. `PROPERTY_SEED=n` replays a run; fast-check prints the seed of a failure.
 */
const settings = {
  numRuns: Number(process.env.PROPERTY_RUNS ?? 500),
  seed: Number(process.env.PROPERTY_SEED ?? Date.now() % 100000),
};

// ---------------------------------------------------------------------------------------------------------------
// Characters

/** The zero of each set of digits the numbers are written in: ASCII, fullwidth, Arabic-Indic, Persian, Devanagari,
 * Bengali, Thai, mathematical bold (outside the BMP). */
const DIGIT_ZEROS = [0x30, 0x30, 0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1d7ce];
const SPACES = [' ', ' ', ' ', '\u00A0', '\u202F', '\u2009', '\u2007', '\u3000'];
const DASHES = ['-', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D'];
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u034F'];

const digitZero = fc.constantFrom(...DIGIT_ZEROS);
const space = fc.constantFrom(...SPACES);
const dash = fc.constantFrom(...DASHES);

/** `text` with its ASCII digits written in the set of digits starting at `zero`. */
function inScript(text: string, zero: number): string {
  return text.replace(/\d/g, (digit) => String.fromCodePoint(zero + Number(digit)));
}

/** Inserts invisible characters between the characters of `text` (not at its ends, not inside a surrogate pair). */
const withInvisibles = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.record({ at: fc.nat(), char: fc.constantFrom(...INVISIBLES) }), { maxLength: 3 })
    .map((insertions) => {
      const chars = [...text];
      if (chars.length < 2) return text;
      for (const { at, char } of insertions) {
        const index = 1 + (at % (chars.length - 1));
        chars.splice(index, 0, char);
      }
      return chars.join('');
    });

type SeparatorKind = 'space' | 'dash' | 'slash' | 'dot' | 'none';

/** A separator of the given kind: a space of any sort, a dash of any sort (with spaces around or not), a slash, a dot. */
function separator(kind: SeparatorKind): fc.Arbitrary<string> {
  switch (kind) {
    case 'space':
      return space;
    case 'dash':
      return fc.tuple(dash, fc.boolean(), space).map(([d, spaced, s]) => (spaced ? `${s}${d}${s}` : d));
    case 'slash':
      return fc.constantFrom('/', ' / ');
    case 'dot':
      return fc.constant('.');
    case 'none':
      return fc.constant('');
  }
}

/** `digits` cut into groups of the given sizes, with a separator of `kind` (or a space, if `mixSpaces`) between them. */
function grouped(digits: string, sizes: readonly number[], kind: SeparatorKind, mixSpaces: boolean): fc.Arbitrary<string> {
  const gaps = Math.max(0, sizes.length - 1);
  const gap = mixSpaces ? fc.oneof(separator(kind), space) : separator(kind);
  return fc.array(gap, { minLength: gaps, maxLength: gaps }).map((separators) => {
    let result = '';
    let position = 0;
    sizes.forEach((size, i) => {
      result += digits.slice(position, position + size) + (i < gaps ? (separators[i] ?? '') : '');
      position += size;
    });
    return result;
  });
}

/** Sizes of groups of 1..`max` digits that add up to `total`. */
function groupSizes(total: number, max: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max }), { minLength: total, maxLength: total }).map((sizes) => {
    const result: number[] = [];
    let left = total;
    for (const size of sizes) {
      if (left === 0) break;
      const take = Math.min(size, left);
      result.push(take);
      left -= take;
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence text

const WORDS = [
  'ik', 'werk', 'al', 'jaren', 'in', 'de', 'zorg', 'en', 'wil', 'graag', 'iets', 'anders', 'mijn', 'werkgever',
  'heeft', 'een', 'reorganisatie', 'aangekondigd', 'kan', 'iemand', 'mij', 'helpen', 'met', 'een', 'cv', 'of',
  'omscholing', 'naar', 'techniek', 'sinds', 'vorig', 'jaar', 'zit', 'thuis', 'na', 'ziekte', 'UWV', 'bijstand',
  'uitkering', 'gemeente', 'Tilburg', 'Breda', 'logistiek', 'vrachtwagen', 'contract', 'loopt', 'af', 'vragen',
  'Wat', 'moet', 'doen?', 'Alvast', 'bedankt!', 'hallo,', 'groet,', 'Fatima', 'Özlem', 'Zoë', 'café',
];
const word = fc.constantFrom(...WORDS);

/** Ordinary numbers in the ways Dutch questions hold them; none is personal data. */
const ordinaryNumber: fc.Arbitrary<string> = fc.oneof(
  // amounts
  fc
    .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom('', ',00', ',50', ',-'), fc.constantFrom('€ ', '€', '€\u00A0'))
    .map(([amount, cents, euro]) => `${euro}${amount.toLocaleString('nl-NL')}${cents}`),
  fc.integer({ min: 100, max: 99_999 }).map((amount) => `${amount.toLocaleString('nl-NL')} euro bruto`),
  // dates
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1950, max: 2030 }),
      fc.boolean(),
      fc.constantFrom('-', '/', '.', '\u2013', '\u2011'),
    )
    .map(([d, m, y, pad, sep]) => {
      const p = (n: number): string => (pad ? String(n).padStart(2, '0') : String(n));
      return `${p(d)}${sep}${p(m)}${sep}${y}`;
    }),
  fc.tuple(fc.integer({ min: 1950, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('maart', 'april', 'mei'), fc.integer({ min: 2000, max: 2030 }))
    .map(([d, month, y]) => `${d} ${month} ${y}`),
  // times
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 7, max: 10 }), fc.integer({ min: 15, max: 18 }))
    .map(([from, to]) => `${String(from).padStart(2, '0')}.00-${to}.00 uur`),
  fc.integer({ min: 1, max: 12 }).map((h) => `om ${h}.30 uur`),
  // years, counts, hours, percentages, fte
  fc.integer({ min: 1950, max: 2030 }).map((year) => `sinds ${year}`),
  fc.integer({ min: 1, max: 45 }).map((years) => `${years} jaar`),
  fc.integer({ min: 4, max: 40 }).map((hours) => `${hours} uur per week`),
  fc.integer({ min: 1, max: 100 }).map((percent) => `${percent}%`),
  fc.integer({ min: 1, max: 10 }).map((tenths) => `0,${tenths} fte`),
  // house numbers, PC4, KvK numbers, case numbers
  fc
    .tuple(fc.constantFrom('Dorpsstraat', 'Kerkweg', 'Stationsplein'), fc.integer({ min: 1, max: 250 }), fc.constantFrom('', 'a', 'bis'))
    .map(([street, number, suffix]) => `${street} ${number}${suffix}`),
  fc.integer({ min: 1000, max: 9999 }).map((pc4) => `in ${pc4} woon ik`),
  fc.integer({ min: 10_000_000, max: 99_999_999 }).map((kvk) => `kvk ${kvk}`),
  fc.integer({ min: 1, max: 999_999 }).map((n) => `zaak 2026-${String(n).padStart(6, '0')}`),
);

/** An ordinary number, in any script of digits. */
const ordinaryNumberInAnyScript = fc.tuple(ordinaryNumber, digitZero).map(([text, zero]) => inScript(text, zero));

/**
 * Dutch-like sentence text without personal data: words and ordinary numbers, joined by a space, a comma, `en`, a
 * full stop, a dash or a line break, so that numbers also stand right next to each other (`1 maart 2008 63.514
 * euro`, `kvk 60000000 4 uur per week`, `00:06 07.00-15.00 uur`). It starts and ends with a word: personal data is
 * put in after a lead-in word and followed by a word, as in a question (a number right after an IBAN could be
 * taken into it, 1 time in 97, see findIbans).
 */
const join = fc.constantFrom(' ', ' ', ' ', ', ', ' en ', '. ', ' - ', '\n');
const sentence: fc.Arbitrary<string> = fc
  .array(fc.tuple(join, fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: ordinaryNumberInAnyScript })), {
    maxLength: 12,
  })
  .chain((parts) =>
    fc.tuple(word, word).map(([first, last]) => `${first}${parts.map(([joinedBy, part]) => joinedBy + part).join('')} ${last}`),
  );

// ---------------------------------------------------------------------------------------------------------------
// Personal data

interface PersonalData {
  readonly text: string;
  /** The placeholders it may become: a number that is both a valid BSN and shaped like a phone number can be either. */
  readonly placeholders: readonly string[];
  /** Digits that must not be left in the scrubbed text, once separators and invisible characters are taken out. */
  readonly digits?: string;
  /** Words (of an address) that must not be left in the scrubbed text. */
  readonly words?: readonly string[];
  readonly leadIn: fc.Arbitrary<string>;
}

function elevenProofCheckDigit(first8: readonly number[]): number {
  return first8.reduce((sum, digit, i) => sum + digit * (9 - i), 0) % 11;
}

/** A BSN (valid 11-proef, not all zeros) in any grouping and separators, any script of digits, with invisibles. */
const bsn: fc.Arbitrary<PersonalData> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .filter((first8) => elevenProofCheckDigit(first8) < 10 && first8.some((d) => d > 0))
  .chain((first8) => {
    const digits = first8.join('') + String(elevenProofCheckDigit(first8));
    const layout = fc.oneof(
      fc.constantFrom([9], [3, 3, 3], [4, 2, 3], [3, 2, 2, 2], [2, 2, 2, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1]),
      groupSizes(9, 4),
    );
    return fc
      .tuple(layout, fc.constantFrom('space', 'dash', 'slash', 'dot'), fc.boolean(), digitZero)
      .chain(([sizes, kind, mixSpaces, zero]) => {
        // Dots only in the printed layouts 3-3-3 and 4-2-3, mixed with spaces only in 3-3-3: with dots, other
        // groupings are amounts, dates and versions (see findBsns).
        const layout = sizes.join('-');
        const separatorKind = kind === 'dot' && layout !== '3-3-3' && layout !== '4-2-3' ? 'space' : kind;
        const mix = mixSpaces && !(separatorKind === 'dot' && layout === '4-2-3');
        return grouped(digits, sizes, separatorKind, mix).map((text) => inScript(text, zero));
      })
      // Nine digits written as a date and a digit (`12-03-2024-5`) are taken for a date (see findBsns).
      .filter((text) => !DATE.test(normaliseFreeText(text)))
      .chain(withInvisibles)
      .map((text) => ({
        text,
        placeholders: ['[bsn]'],
        digits,
        leadIn: fc.constantFrom('bsn', 'mijn bsn is', 'BSN:', 'burgerservicenummer', 'sofinummer'),
      }));
  });

/** Check digits of an IBAN: 98 minus the remainder of the rearranged number with check digits 00. */
function ibanCheckDigits(country: string, bban: string): string {
  let remainder = 0;
  for (const char of `${bban}${country}00`) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

const letters = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: length, maxLength: length })
    .map((chars) => chars.join(''));
const digitsOf = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));

/** Account parts by country: NL (bank code + 10 digits), BE, DE, FR, ES, GB, IT. */
const dutchBank = fc.constantFrom('ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'BUNQ', 'KNAB');
const bbanByCountry: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(dutchBank, digitsOf(10)).map(([bank, n]) => ['NL', bank + n] as const) },
  digitsOf(12).map((n) => ['BE', n] as const),
  digitsOf(18).map((n) => ['DE', n] as const),
  fc.tuple(digitsOf(19), letters(1), digitsOf(3)).map(([a, b, c]) => ['FR', a + b + c] as const),
  digitsOf(20).map((n) => ['ES', n] as const),
  fc.tuple(letters(4), digitsOf(14)).map(([bank, n]) => ['GB', bank + n] as const),
  fc.tuple(letters(1), digitsOf(22)).map(([cin, n]) => ['IT', cin + n] as const),
);

/** A valid IBAN, compact or in groups of four with spaces, dashes or dots, upper or lower case, any digits. */
const iban: fc.Arbitrary<PersonalData> = bbanByCountry.chain(([country, bban]) => {
  const compact = country + ibanCheckDigits(country, bban) + bban;
  const sizes = Array.from({ length: Math.ceil(compact.length / 4) }, (_v, i) => Math.min(4, compact.length - i * 4));
  return fc
    .tuple(fc.constantFrom('space', 'dash', 'dot', 'none'), fc.boolean(), fc.boolean(), digitZero)
    .chain(([kind, lowerCase, countryApart, zero]) =>
      grouped(compact, sizes, kind, false).map((text) => {
        const cased = lowerCase ? text.toLowerCase() : text;
        // `NL 91 ABNA …`: the country code apart, in capitals.
        const apart = countryApart && !lowerCase && kind === 'space' ? `${cased.slice(0, 2)} ${cased.slice(2)}` : cased;
        return inScript(apart, zero);
      }),
    )
    .chain(withInvisibles)
    .map((text) => ({
      text,
      placeholders: ['[iban]'],
      digits: compact.slice(4).replace(/[A-Z]/g, ''),
      leadIn: fc.constantFrom('iban', 'IBAN:', 'rekening', 'op rekeningnummer', 'mijn rekening is'),
    }));
});

/** How people group the digits after the area code (or the 6) of a phone number: all together, or in twos to fours. */
const PHONE_GROUPINGS: Record<number, number[][]> = {
  8: [[8], [4, 4], [2, 2, 2, 2], [3, 3, 2], [2, 3, 3], [4, 2, 2], [2, 2, 4], [3, 2, 3]],
  7: [[7], [3, 4], [4, 3], [3, 2, 2], [2, 2, 3], [2, 3, 2]],
  6: [[6], [3, 3], [2, 2, 2], [4, 2], [2, 4]],
};

const MOBILE = '6';
const AREA_CODES = ['10', '13', '20', '30', '40', '50', '70', '76', '88', '113', '172', '318', '499', '546', '599'];
type PhoneForm = 'national' | '+31' | '0031' | '(+31)' | '31' | 'without 0';

/**
 * How the area code (or the 6 of a mobile number) is written, in each form:
 * - national: `06`, `020`, `(020)`; any separators after it and in the rest, dots and slashes too;
 * - `+31`, `0031`, `(+31)`: then nothing, `0` or `(0)`, then `6`/`20`; separators as nationally;
 * - `31` (no `+`): likewise; and without the `0`: `6`, `20`, `(20)`. Written like these a number has no
 *   dots or slashes in its rest, and a landline's code is set apart (see findPhoneNumbersWithoutTrunk).
 */
const phoneNumber: fc.Arbitrary<PersonalData> = fc
  .tuple(
    fc.constantFrom(MOBILE, MOBILE, MOBILE, ...AREA_CODES),
    fc.constantFrom<PhoneForm>('national', 'national', '+31', '0031', '(+31)', '31', 'without 0', 'without 0'),
    fc.constantFrom('', '0', '(0)'),
    fc.constantFrom<SeparatorKind>('space', 'dash', 'slash', 'dot', 'none'),
    fc.boolean(),
    digitZero,
  )
  .chain(([code, form, trunk, kind, parentheses, zero]) => {
    const withoutTrunk = form === '31' || form === 'without 0';
    const restKind = withoutTrunk && (kind === 'dot' || kind === 'slash') ? 'dash' : kind;
    const inParentheses = parentheses && (form === 'national' || withoutTrunk);
    const mustSetApart = withoutTrunk && code !== MOBILE && !inParentheses;
    return fc
      .tuple(
        digitsOf(9 - code.length),
        fc.constantFrom(...(PHONE_GROUPINGS[9 - code.length] ?? [[9 - code.length]])),
        separator(mustSetApart && restKind === 'none' ? 'space' : restKind),
        fc.constantFrom('', ' ', ' ', '-'),
      )
      .chain(([subscriber, sizes, afterCode, afterPrefix]) =>
        // The code is set apart unless the whole number is written in one go.
        grouped(subscriber, restKind === 'none' ? [subscriber.length] : sizes, restKind, restKind !== 'none').map((rest) => {
          const prefix = { national: '', '+31': '+31', '0031': '0031', '(+31)': '(+31)', '31': '31', 'without 0': '' }[form];
          const trunkShown = form === 'national' || form === 'without 0' ? '' : trunk;
          const afterTrunk = trunkShown === '' ? '' : afterPrefix.trim();
          const head = prefix === '' ? '' : `${prefix}${afterPrefix}${trunkShown}${afterTrunk}`;
          const shownCode = form === 'national' ? `0${code}` : code;
          const codePart = inParentheses ? `(${shownCode})` : shownCode;
          const between = inParentheses ? (afterCode === '' ? '' : ' ') : afterCode;
          return inScript(`${head}${codePart}${between}${rest}`, zero);
        }),
      );
  })
  .filter((text) => !DATE.test(normaliseFreeText(text)))
  .chain(withInvisibles)
  .map((text) => ({
    text,
    placeholders: ['[telefoon]', '[bsn]'],
    digits: normaliseFreeText(text).replace(/\D/g, '').slice(-9),
    leadIn: fc.constantFrom('bel', 'bel mij op', 'tel.', 'mobiel:', 'telefoonnummer', 'whatsapp'),
  }));

const NAMES = ['jan', 'jansen', 'devries', 'pietersen', 'mohamed', 'yilmaz', 'sanne', 'bakker', 'kowalski', 'nguyen'];
const PROVIDERS = ['gmail', 'hotmail', 'outlook', 'ziggo', 'kpnmail'];
const localWord = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom('', '', '85', '2'))
  .map(([name, digits]) => name + digits);
const domainLabel = fc.oneof(
  fc.constantFrom(...PROVIDERS, 'rijnmond-xl', 'schilders-brabant'),
  fc.stringMatching(/^[a-z]{3,6}[0-9]{0,2}[a-z]{3,6}$/).filter((label) => !/^(dot|punt)/.test(label)),
);

/**
 * An e-mail address: plain, with spaces around `@` and dots, `[at]`/`(at)`/`{at}`, the words `at`/`apenstaartje`
 * and `punt`/`dot`, in any case. The word `at` comes with a written-out domain, a mail provider or a local part of
 * more than one word, as `findWrittenOutEmailAddresses` asks.
 */
const emailAddress: fc.Arbitrary<PersonalData> = fc
  .tuple(
    fc.array(localWord, { minLength: 1, maxLength: 3 }),
    domainLabel,
    fc.constantFrom('nl', 'com', 'be', 'de', 'net', 'org', 'eu'),
    fc.oneof(
      fc.constantFrom('@', ' @ ', '@ ', ' @', ' [at] ', '[at]', ' (at) ', '(at)', ' {at} ', ' <at> '),
      fc.constantFrom(' at ', ' AT ', ' apenstaartje '),
    ),
    fc.constantFrom('.', ' . ', ' punt ', ' dot ', ' DOT ', ' [dot] ', '(punt)', ' [.] '),
    fc.constantFrom('.', '_', ' punt '),
    fc.boolean(),
  )
  .chain(([localWords, domain, tld, at, dot, localDot, upper]) => {
    const wordAt = /^ at $/i.test(at);
    const lookslikeAddress = PROVIDERS.includes(domain) || localWords.length > 1;
    const domainDot = wordAt && dot === '.' && !lookslikeAddress ? ' punt ' : dot;
    const text = `${localWords.join(localDot)}${at}${domain}${domainDot}${tld}`;
    return withInvisibles(upper ? text.toUpperCase() : text).map((written) => ({
      text: written,
      placeholders: ['[e-mail]'],
      words: [...localWords, ...(PROVIDERS.includes(domain) ? [] : domain.split('-').filter((part) => part.length > 2))],
      leadIn: fc.constantFrom('mail', 'mail naar', 'e-mail:', 'mijn mailadres is', 'stuur het naar'),
    }));
  });

const joinBefore = fc.constantFrom(' ', ': ', ' ', '\u00A0');
const joinAfter = fc.constantFrom(' ', ', ', '. ', '! ', ' - ', '\n');

/** `data` in a sentence: text, a lead-in word, the personal data, and more text after a space or punctuation. */
const inSentence = (data: fc.Arbitrary<PersonalData>): fc.Arbitrary<{ before: string; after: string; data: PersonalData }> =>
  data.chain((d) =>
    fc
      .tuple(sentence, d.leadIn, joinBefore, joinAfter, sentence)
      .map(([start, leadIn, before, after, end]) => ({
        before: `${start} ${leadIn}${before}`,
        after: `${after}${end}`,
        data: d,
      })),
  );

/** The digits of a text as the detectors see it: in ASCII, without separators and invisible characters. */
const digitsLeft = (text: string): string => normaliseFreeText(text).replace(/[\s\-./()]/g, '');

/** The words of a text as the detectors see it, in lower case. */
const wordsLeft = (text: string): string[] => normaliseFreeText(text).toLowerCase().split(/[^\p{L}\p{N}]+/u);

function checkScrubbed({ before, after, data }: { before: string; after: string; data: PersonalData }): void {
  const text = before + data.text + after;
  const scrubbed = scrubFreeText(text);
  const placeholder = scrubbed.slice(before.length, scrubbed.length - after.length);
  // The whole of it replaced by one placeholder, and the text around it untouched.
  const ok = scrubbed.startsWith(before) && scrubbed.endsWith(after) && data.placeholders.includes(placeholder);
  expect({ text, scrubbed, ok }).toEqual({ text, scrubbed, ok: true });
  if (data.digits !== undefined) expect(digitsLeft(scrubbed)).not.toContain(data.digits);
  for (const word of data.words ?? []) expect(wordsLeft(scrubbed)).not.toContain(word);
  expect(scrubFreeText(scrubbed)).toBe(scrubbed);
}

describe('scrubFreeText (property-based)', () => {
  it('replaces a BSN in any grouping, separators, script of digits and with invisible characters', () => {
    fc.assert(fc.property(inSentence(bsn), checkScrubbed), settings);
  });

  it('replaces an IBAN (NL, BE, DE, FR, ES, GB, IT) compact or printed with spaces, dashes or dots', () => {
    fc.assert(fc.property(inSentence(iban), checkScrubbed), settings);
  });

  it('replaces a Dutch phone number in every common writing', () => {
    fc.assert(fc.property(inSentence(phoneNumber), checkScrubbed), settings);
  });

  it('replaces an e-mail address, also with spaces, [at], at, apenstaartje, punt or dot', () => {
    fc.assert(fc.property(inSentence(emailAddress), checkScrubbed), settings);
  });

  it('leaves a sentence without personal data (amounts, dates, times, ordinary numbers) unchanged', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(scrubFreeText(text)).toBe(text);
      }),
      settings,
    );
  });
});
