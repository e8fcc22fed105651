// Every labelled sample (test/fixtures/intakes.jsonl) with the reference month pinned: level and route exact,
// secondary routes and referrals as sets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { classify, type IntakeFacts } from './index.js';

interface Sample {
  id: string;
  note: string;
  request: Omit<IntakeFacts, 'country'> & { country?: IntakeFacts['country'] };
  expect: { level: string; route: string; secondaryRoutes: string[]; referrals: string[] };
}

const samples: Sample[] = readFileSync(new URL('../../../test/fixtures/intakes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Sample);

describe('classify: labelled samples', () => {
  it('has all 40 samples', () => {
    expect(samples).toHaveLength(40);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s', (_id, sample) => {
    const result = classify({ country: 'NL', ...sample.request }, { referenceMonth: '2026-11' });
    expect({
      level: result.level,
      route: result.route,
      secondaryRoutes: [...result.secondaryRoutes].sort(),
      referrals: [...result.referrals].sort(),
    }).toEqual({
      level: sample.expect.level,
      route: sample.expect.route,
      secondaryRoutes: [...sample.expect.secondaryRoutes].sort(),
      referrals: [...sample.expect.referrals].sort(),
    });
  });
});
