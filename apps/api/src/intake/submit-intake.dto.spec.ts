// Every labelled request (the rule fixtures, the realistic corpus, the blind sets) is a valid intake: the bench posts
// them all, and a question the eval counts must be one the loket would accept.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { defaultLabelledFiles } from '../../../../scripts/labelled-intakes.js';
import { SubmitIntakeDto } from './submit-intake.dto.js';

// The same files the eval reads and the bench posts.
const files = defaultLabelledFiles();

function invalid(body: unknown): string[] {
  const dto = plainToInstance(SubmitIntakeDto, body);
  // As the global ValidationPipe validates (apps/api/src/setup-app.ts).
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }).map((error) => error.property);
}

describe('the labelled requests', () => {
  it.each(files.map((file) => [relative(process.cwd(), file), file] as const))('in %s are valid intakes', (_name, file) => {
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; request: unknown });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => ({ id: row.id, invalid: invalid(row.request) })).filter((row) => row.invalid.length > 0)).toEqual([]);
  });

  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it('and a request without a postcode is not', () => {
    expect(invalid({ role: 'jobseeker', country: 'NL', question: 'Ik zoek werk.', consent: { processing: true } })).toContain('postcode');
  });
});
