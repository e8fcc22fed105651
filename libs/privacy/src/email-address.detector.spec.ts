import { describe, it, expect } from '@jest/globals';
import { findEmailAddresses, findWrittenOutEmailAddresses } from './email-address.detector.js';

describe('findEmailAddresses', () => {
  const found = (text: string): string[] => findEmailAddresses(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ['mail jan@example.nl.', ['jan@example.nl']],
    ['J.de.Vries+werk@gemeente-tilburg.nl', ['J.de.Vries+werk@gemeente-tilburg.nl']],
    ["o'brien@mail.co.uk, piet_2@x.io", ["o'brien@mail.co.uk", 'piet_2@x.io']],
    ['<an.jansen@sub.domein.example.com>', ['an.jansen@sub.domein.example.com']],
    ['jürgen@müller.de', ['jürgen@müller.de']],
    ['mail: 0612345678@provider.nl', ['0612345678@provider.nl']],
    ['JAN@EXAMPLE.NL', ['JAN@EXAMPLE.NL']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'jan @ example.nl', // written out: see findWrittenOutEmailAddresses
    'jan@localhost',
    '@werkloket op sociale media',
    'jan@example.n1',
    'ik ben 50@ (niet)',
    'prijs 5 @ 10 euro',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findWrittenOutEmailAddresses', () => {
  const found = (text: string): string[] =>
    findWrittenOutEmailAddresses(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    // spaces around the @ and the dots
    ['mail jan @ example.nl', 'jan @ example.nl'],
    ['mail jan@ example.nl', 'jan@ example.nl'],
    ['mail jan @example.nl', 'jan @example.nl'],
    ['mail jan @ example . nl!', 'jan @ example . nl'],
    ['mail jan.de.vries @ gemeente-tilburg.nl', 'jan.de.vries @ gemeente-tilburg.nl'],
    ['mail jan@example punt nl', 'jan@example punt nl'],
    // in brackets
    ['mail jan [at] example.nl', 'jan [at] example.nl'],
    ['mail jan[at]example[dot]nl', 'jan[at]example[dot]nl'],
    ['mail jan(at)example(punt)nl', 'jan(at)example(punt)nl'],
    ['mail jan {at} example {dot} com', 'jan {at} example {dot} com'],
    ['mail jan <at> example.nl', 'jan <at> example.nl'],
    ['mail jan [@] example [.] nl', 'jan [@] example [.] nl'],
    ['mail jan [ at ] example.nl', 'jan [ at ] example.nl'],
    ['mail jan (AT) example (DOT) nl', 'jan (AT) example (DOT) nl'],
    ['mail jan [at] example [dot] travel', 'jan [at] example [dot] travel'], // brackets: any top-level domain
    // in words
    ['mail jan punt jansen at gmail punt com', 'jan punt jansen at gmail punt com'],
    ['mail jan at example dot nl', 'jan at example dot nl'],
    ['mail JAN AT GMAIL DOT COM', 'JAN AT GMAIL DOT COM'],
    ['mail jan apenstaartje ziggo punt nl', 'jan apenstaartje ziggo punt nl'],
    ['mail jan apenstaartje example.nl', 'jan apenstaartje example.nl'],
    ['mail jan at mail punt gemeente punt nl', 'jan at mail punt gemeente punt nl'],
    // the word `at` with a plain domain: a mail provider, or a local part that looks like one
    ['mail jan at gmail.com', 'jan at gmail.com'],
    ['mail jan at hotmail.nl', 'jan at hotmail.nl'],
    ['mail jan.jansen at example.nl', 'jan.jansen at example.nl'],
    ['mail jan_85 at example.nl', 'jan_85 at example.nl'],
    // letters of any script
    ['mail jürgen @ müller.de', 'jürgen @ müller.de'],
  ])('%j -> %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['an @ between numbers', 'prijs 5 @ 10 euro'],
    ['an @ and no dot', 'jan @ example'],
    ['a handle', '@werkloket op sociale media'],
    ['a sentence after a spaced dot', 'ik ben bereikbaar @ kantoor . Morgen weer'],
    ['a word after a written dot', 'mail jan at example punt morgen'],
    ['a workplace', 'ik werk at bol.com'],
    ['a workplace in words', 'I work at Philips.com'],
    ['a sentence with at', 'ik zit at home. Morgen'],
    ['a point in Dutch', 'op dit punt nl'],
    ['the past tense of eten', 'hij at zijn brood op'],
    ['no local part', 'at example punt nl'],
  ])('leaves %s alone: %j', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
