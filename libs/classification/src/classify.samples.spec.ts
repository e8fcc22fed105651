// Every labelled sample (test/fixtures/intakes.jsonl, intakes-extra.jsonl and intakes-edge.jsonl) with the reference
// month pinned, under each shipped ruleset: level and route exact, secondary routes and referrals as sets. `expect`
// is rules.md 1.0.0; where a later ruleset's policy changed the answer, `expectByRuleset[version]` says how (and
// the sample's `noteByRuleset` why).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { RULESETS, classify, expectationUnder, type IntakeFacts } from './index.js';

interface Sample {
  id: string;
  note: string;
  referenceMonth?: string;
  request: Omit<IntakeFacts, 'country'> & { country?: IntakeFacts['country'] };
  expect: Expectation & { referenceMonth?: string };
  expectByRuleset?: Record<string, Partial<Expectation>>;
}

interface Expectation {
  level: string;
  route: string;
  secondaryRoutes: string[];
  referrals: string[];
  urgent?: boolean;
  contradiction?: boolean;
  consentToConfirm?: boolean;
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

function expectClassified(sample: Sample, version: string): void {
  const referenceMonth = sample.expect.referenceMonth ?? sample.referenceMonth ?? '2026-11';
  const want: Expectation = expectationUnder(sample.expect, sample.expectByRuleset, version);
  const result = classify({ country: 'NL', ...sample.request }, { referenceMonth, ruleset: RULESETS.get(version)! });
  const markers = (from: Expectation | typeof result): Partial<Expectation> =>
    version === '1.0.0'
      ? {}
      : { urgent: from.urgent ?? false, contradiction: from.contradiction ?? false, consentToConfirm: from.consentToConfirm ?? false };
  expect({
    level: result.level,
    route: result.route,
    secondaryRoutes: [...result.secondaryRoutes].sort(),
    referrals: [...result.referrals].sort(),
    ...markers(result),
  }).toEqual({
    level: want.level,
    route: want.route,
    secondaryRoutes: [...want.secondaryRoutes].sort(),
    referrals: [...want.referrals].sort(),
    ...markers(want),
  });
}

const samples = readSamples('intakes.jsonl');
const extra = readSamples('intakes-extra.jsonl');
const edge = readSamples('intakes-edge.jsonl');

const cases = (list: Sample[]): (readonly [string, string, Sample])[] =>
  [...RULESETS.keys()].flatMap((version) => list.map((s) => [version, s.id, s] as const));

describe('classify: labelled samples (intakes.jsonl)', () => {
  it('has all 40 samples', () => {
    expect(samples).toHaveLength(40);
  });

  it.each(cases(samples))('ruleset %s: %s', (version, _id, sample) => expectClassified(sample, version));
});

describe('classify: extra hand-labelled cases (intakes-extra.jsonl)', () => {
  it('has at least 60 cases', () => {
    expect(extra.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases(extra))('ruleset %s: %s', (version, _id, sample) => expectClassified(sample, version));
});

describe('classify: adversarial hand-labelled cases (intakes-edge.jsonl)', () => {
  it('has at least 80 cases', () => {
    expect(edge.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases(edge))('ruleset %s: %s', (version, _id, sample) => expectClassified(sample, version));
});
