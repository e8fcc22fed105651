import { describe, it, expect } from '@jest/globals';
import { findEmailAddresses } from './email-address.detector.js';

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
    'jan @ example.nl',
    'jan@localhost',
    '@werkloket op sociale media',
    'jan@example.n1',
    'ik ben 50@ (niet)',
    'prijs 5 @ 10 euro',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});
