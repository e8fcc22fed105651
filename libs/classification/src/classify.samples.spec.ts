// Every labelled sample (test/fixtures/intakes.jsonl, intakes-extra.jsonl and intakes-edge.jsonl) with the reference
// month pinned: level and route exact, secondary routes and referrals as sets.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { classify, type IntakeFacts } from './index.js';

interface Sample {
  id: string;
  note: string;
  referenceMonth?: string;
  request: Omit<IntakeFacts, 'country'> & { country?: IntakeFacts['country'] };
  expect: { level: string; route: string; secondaryRoutes: string[]; referrals: string[]; referenceMonth?: string };
}

const fixtures = new URL('../../../test/fixtures/', import.meta.url);

function readSamples(name: string): Sample[] {
  const url = new URL(name, fixtures);
  if (!existsSync(url)) return [];
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Sample);
}

function expectClassified(sample: Sample): void {
  const referenceMonth = sample.expect.referenceMonth ?? sample.referenceMonth ?? '2026-11';
  const result = classify({ country: 'NL', ...sample.request }, { referenceMonth });
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
}

const samples = readSamples('intakes.jsonl');
const extra = readSamples('intakes-extra.jsonl');
const edge = readSamples('intakes-edge.jsonl');

describe('classify: labelled samples (intakes.jsonl)', () => {
  it('has all 40 samples', () => {
    expect(samples).toHaveLength(40);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s', (_id, sample) => expectClassified(sample));
});

describe('classify: extra hand-labelled cases (intakes-extra.jsonl)', () => {
  it('has at least 60 cases', () => {
    expect(extra.length).toBeGreaterThanOrEqual(60);
  });

  it.each(extra.map((s) => [s.id, s] as const))('%s', (_id, sample) => expectClassified(sample));
});

describe('classify: adversarial hand-labelled cases (intakes-edge.jsonl)', () => {
  it('has at least 80 cases', () => {
    expect(edge.length).toBeGreaterThanOrEqual(80);
  });

  it.each(edge.map((s) => [s.id, s] as const))('%s', (_id, sample) => expectClassified(sample));
});
