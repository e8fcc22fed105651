import { readFileSync } from 'node:fs';

export interface LabelledIntake {
  id: string;
  note: string;
  request: Record<string, any>;
  expect: { level: string; route: string; secondaryRoutes: string[]; referrals: string[]; regionName: string | null };
}

export function readFixture(name: string): LabelledIntake[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledIntake);
}
