import { readFileSync } from 'node:fs';

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

/** What the sample should get under a ruleset version (default: the service's default, 2.0.0). */
export function expectedUnder(sample: LabelledIntake, version = '2.0.0'): Expected {
  return { ...sample.expect, ...sample.expectByRuleset?.[version] };
}

export function readFixture(name: string): LabelledIntake[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledIntake);
}
