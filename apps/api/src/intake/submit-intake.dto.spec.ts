// Every labelled request (the rule fixtures, the realistic corpus, the blind sets) is a valid intake: the bench posts
// them all, and a question the eval counts must be one the loket would accept.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SubmitIntakeDto } from './submit-intake.dto.js';

const root = new URL('../../../../test/', import.meta.url);
const files = ['fixtures/', 'corpus/'].flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => new URL(`${dir}${name}`, root)),
);

function invalid(body: unknown): string[] {
  const dto = plainToInstance(SubmitIntakeDto, body);
  // As the global ValidationPipe validates (apps/api/src/setup-app.ts).
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }).map((error) => error.property);
}

describe('the labelled requests', () => {
  it.each(files.map((url) => [url.pathname.replace(/.*\/test\//, 'test/'), url] as const))('in %s are valid intakes', (_name, url) => {
    const rows = readFileSync(url, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; request: unknown });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => ({ id: row.id, invalid: invalid(row.request) })).filter((row) => row.invalid.length > 0)).toEqual([]);
  });

  it('and a request without a postcode is not', () => {
    expect(invalid({ role: 'jobseeker', country: 'NL', question: 'Ik zoek werk.', consent: { processing: true } })).toContain('postcode');
  });
});
