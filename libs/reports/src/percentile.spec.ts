import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { percentile, percentileOfHistogram } from './percentile.js';

describe('percentiles by nearest rank', () => {
  it('takes the value at rank ceil(p × n)', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives the same from a histogram as from the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }), fc.constantFrom(0.5, 0.9, 0.25, 1), (values, p) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        const bins = [...counts].map(([value, count]) => ({ value, count })).reverse();
        expect(percentileOfHistogram(bins, p)).toBe(percentile(values, p));
      }),
    );
  });
});
