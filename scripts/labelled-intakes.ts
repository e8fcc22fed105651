// Reads labelled intake files (JSONL: {id, note, request, expect}) for scripts/eval.ts and scripts/bench-classify.ts.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IntakeFacts } from '#libs/classification';

export interface LabelledIntake {
  file: string;
  line: number;
  id: string;
  note: string;
  facts: IntakeFacts;
  referenceMonth: string;
  expect: { level: string; route: string; secondaryRoutes: string[]; referrals: string[] };
}

export const DEFAULT_REFERENCE_MONTH = '2026-11';

/** Project root, both from scripts/ (source) and dist/scripts/ (compiled). */
function projectRoot(): URL {
  const parent = new URL('../', import.meta.url);
  return parent.pathname.endsWith('/dist/') ? new URL('../', parent) : parent;
}

/** The sample set, plus our own hand-labelled sets (extra: every rule; edge: adversarial cases) when present. */
export function defaultLabelledFiles(): string[] {
  const fixtures = new URL('test/fixtures/', projectRoot());
  return ['intakes.jsonl', 'intakes-extra.jsonl', 'intakes-edge.jsonl']
    .map((name) => fileURLToPath(new URL(name, fixtures)))
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
          level: String(expect.level),
          route: String(expect.route),
          secondaryRoutes: strings(expect.secondaryRoutes),
          referrals: strings(expect.referrals),
        },
      });
    });
  return out;
}
