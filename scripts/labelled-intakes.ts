// Reads labelled intake files (JSONL: {id, note, request, expect}) for scripts/eval.ts and scripts/bench-classify.ts.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IntakeFacts } from '#libs/classification';
import { projectRoot } from './project-root.js';

export interface LabelledIntake {
  file: string;
  line: number;
  id: string;
  note: string;
  facts: IntakeFacts;
  referenceMonth: string;
  expect: {
    level: string;
    route: string;
    secondaryRoutes: string[];
    referrals: string[];
    /** Realistic corpus only: what a colleague would also accept (the route and level themselves included). */
    acceptedRoutes?: string[];
    acceptedLevels?: string[];
    /** Realistic corpus only: the text signals a crisis (crisis_113 and urgent expected) / an urgent situation. */
    crisis?: boolean;
    urgent?: boolean;
  };
  /** Rule fixtures: expectations that changed with a later ruleset's policy, by version. */
  expectByRuleset?: Record<string, Partial<LabelledIntake['expect']>>;
}

export const DEFAULT_REFERENCE_MONTH = '2026-11';

/**
 * The fixtures written from the rules (the public samples, extra: every rule, edge: adversarial cases), then the
 * realistic corpus (questions written the way people write, labelled by a loket professional) and its held-out
 * part, when present.
 */
export function defaultLabelledFiles(): string[] {
  const root = projectRoot();
  return [
    'test/fixtures/intakes.jsonl',
    'test/fixtures/intakes-extra.jsonl',
    'test/fixtures/intakes-edge.jsonl',
    'test/corpus/realistic.jsonl',
    'test/corpus/holdout.jsonl',
    'test/corpus/blind.jsonl',
    'test/corpus/holdout-blind.jsonl',
  ]
    .map((name) => fileURLToPath(new URL(name, root)))
    .filter((path) => existsSync(path));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Parses one file; a malformed line is an error naming file and line number. */
export function readLabelledIntakes(file: string): LabelledIntake[] {
  const out: LabelledIntake[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const line = index + 1;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new Error(`${file}:${line}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
          cause: error,
        });
      }
      if (!isObject(row) || !isObject(row.request) || !isObject(row.expect)) {
        throw new Error(`${file}:${line}: expected {id, note, request, expect}`);
      }
      const request = row.request;
      const expect = row.expect;
      const monthOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
      const facts = {
        ...request,
        country: request.country ?? 'NL',
        question: typeof request.question === 'string' ? request.question : '',
      } as unknown as IntakeFacts;
      out.push({
        file,
        line,
        id: typeof row.id === 'string' ? row.id : `${file}:${line}`,
        note: typeof row.note === 'string' ? row.note : '',
        facts,
        referenceMonth: monthOf(expect.referenceMonth) ?? monthOf(row.referenceMonth) ?? DEFAULT_REFERENCE_MONTH,
        expect: {
          // A blind set may label only the route, or only crisis and urgency: '' = not labelled.
          level: typeof expect.level === 'string' ? expect.level : '',
          route: typeof expect.route === 'string' ? expect.route : '',
          secondaryRoutes: strings(expect.secondaryRoutes),
          referrals: strings(expect.referrals),
          ...(Array.isArray(expect.acceptedRoutes) ? { acceptedRoutes: strings(expect.acceptedRoutes) } : {}),
          ...(Array.isArray(expect.acceptedLevels) ? { acceptedLevels: strings(expect.acceptedLevels) } : {}),
          ...(typeof expect.crisis === 'boolean' ? { crisis: expect.crisis } : {}),
          ...(typeof expect.urgent === 'boolean' ? { urgent: expect.urgent } : {}),
        },
        ...(isObject(row.expectByRuleset) ? { expectByRuleset: row.expectByRuleset as LabelledIntake['expectByRuleset'] } : {}),
      });
    });
  return out;
}
