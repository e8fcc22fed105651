import { describe, expect, it } from '@jest/globals';
import { boundedDamerauLevenshtein, maxFuzzyDistance } from './fuzzy.js';

describe('boundedDamerauLevenshtein', () => {
  it.each([
    ['bijstand', 'bijstand', 0],
    ['bijstant', 'bijstand', 1],
    ['jobcouch', 'jobcoach', 1],
    ['reorganisatei', 'reorganisatie', 1],
    ['boventalig', 'boventallig', 1],
    ['wajon', 'wajong', 1],
    ['omsxholex', 'omscholen', 2],
  ])('%s ~ %s = %d', (a, b, distance) => {
    expect(boundedDamerauLevenshtein(a, b, 2)).toBe(distance);
  });

  it('is the unrestricted Damerau–Levenshtein distance: letters that were swapped may be edited again (§6.3)', () => {
    // Swap "ca" → "ac", then insert "b": 2. The optimal-string-alignment variant says 3.
    expect(boundedDamerauLevenshtein('ca', 'abc', 5)).toBe(2);
    // "transiet…": the "i" dropped and "et" swapped.
    expect(boundedDamerauLevenshtein('transietvergoeding', 'transitievergoeding', 2)).toBe(2);
  });

  it('stops at max + 1', () => {
    expect(boundedDamerauLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedDamerauLevenshtein('kort', 'veel langer woord', 1)).toBe(2);
  });

  it('handles tokens longer than its reusable rows', () => {
    const long = 'a'.repeat(100);
    expect(boundedDamerauLevenshtein(long, `${long}b`, 2)).toBe(1);
  });
});

describe('maxFuzzyDistance (§6.3)', () => {
  const thresholds = [
    { minKeywordLength: 5, maxDistance: 1 },
    { minKeywordLength: 9, maxDistance: 2 },
  ];
  it.each([
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [20, 2],
  ])('keyword of %d letters → %d', (length, distance) => {
    expect(maxFuzzyDistance(length, thresholds)).toBe(distance);
  });
});
