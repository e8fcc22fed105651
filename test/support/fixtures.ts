import { readFileSync } from 'node:fs';
import { DEFAULT_RULESET, expectationUnder } from '#libs/classification';

export interface LabelledIntake {
  id: string;
  note: string;
  request: Record<string, any>;
  expect: { level: string; route: string; secondaryRoutes: string[]; referrals: string[]; regionName: string | null };
  /** Answers that a later ruleset's policy changed (the fixtures' `expect` is rules.md 1.0.0). */
  expectByRuleset?: Record<string, Partial<Expected>>;
}

export interface Expected {
  level: string;
  route: string;
  secondaryRoutes: string[];
  referrals: string[];
  regionName: string | null;
  urgent?: boolean;
  contradiction?: boolean;
  consentToConfirm?: boolean;
}

/** What the sample should get under a ruleset version (default: the service's default). */
export function expectedUnder(sample: LabelledIntake, version = DEFAULT_RULESET.version): Expected {
  return expectationUnder<Expected>(sample.expect, sample.expectByRuleset, version);
}

export function readFixture(name: string): LabelledIntake[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledIntake);
}
