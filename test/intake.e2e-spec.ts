import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedUnder, readFixture } from './support/fixtures.js';
import { startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const samples = readFixture('intakes.jsonl');
const valid = (overrides: Record<string, unknown> = {}) => ({
  role: 'jobseeker',
  postcode: '5038 AB',
  question: 'Ik zoek werk als heftruckchauffeur.',
  person: { ageBand: '27_55', situation: 'unemployed', benefit: 'none' },
  consent: { processing: true },
  ...overrides,
});

describe('intake → classification → region → worklist (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  const intakeCount = async () => Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM intake'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  it('routes every labelled sample to the expected level, route, secondary routes, referrals and region', async () => {
    const accepted = await Promise.all(
      samples.map(async (sample) => {
        const response = await request(t.http).post('/api/v1/intakes').send(sample.request);
        return { sample, response };
      }),
    );
    const mismatches: string[] = [];
    for (const { sample, response } of accepted) {
      if (sample.request.person?.ageBand === 'under_16') {
        expect(response.status).toBe(200);
        expect(response.body.trackingCode).toBeNull();
        expect(response.body.classification.level).toBe(expectedUnder(sample).level);
        expect(response.body.classification.referrals).toEqual(expectedUnder(sample).referrals);
        continue;
      }
      expect(response.status).toBe(201);
      const status = await waitForClassification(t.http, response.body.trackingCode);
      const got = {
        level: status.classification.level,
        route: status.classification.route,
        secondaryRoutes: [...status.classification.secondaryRoutes].sort(),
        referrals: [...status.classification.referrals].sort(),
        regionName: status.region?.name ?? null,
        urgent: status.classification.urgent,
        contradiction: status.classification.contradiction,
        consentToConfirm: status.classification.consentToConfirm,
      };
      const expected = expectedUnder(sample);
      const want = {
        level: expected.level,
        route: expected.route,
        secondaryRoutes: [...expected.secondaryRoutes].sort(),
        referrals: [...expected.referrals].sort(),
        regionName: expected.regionName,
        urgent: expected.urgent ?? false,
        contradiction: expected.contradiction ?? false,
        consentToConfirm: expected.consentToConfirm ?? false,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${sample.id}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('answers 201 with an unguessable tracking code, then shows the routed case to the citizen', async () => {
    const response = await request(t.http).post('/api/v1/intakes').send(valid()).expect(201);
    expect(response.body).toEqual({ trackingCode: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), status: 'received', statusUrl: `/api/v1/intakes/${response.body.trackingCode}` });
    const status = await waitForClassification(t.http, response.body.trackingCode);
    expect(status).toMatchObject({ status: 'routed', region: { code: 'AM26', name: 'Midden-Brabant' }, caseReference: expect.stringMatching(/^WL-\d{4}-\d{6}$/) });
    expect(status.classification.reasons.length).toBeGreaterThan(0);
    expect(status.classification.rulesetVersion).toBe('2.2.0');
    expect(JSON.stringify(status)).not.toContain('heftruck');
  });

  it('stores nothing for someone under 16 and answers the referral at once', async () => {
    const before = await intakeCount();
    const response = await request(t.http)
      .post('/api/v1/intakes')
      .send(valid({ person: { ageBand: 'under_16' } }))
      .expect(200);
    expect(response.body.trackingCode).toBeNull();
    expect(response.body.classification).toMatchObject({ level: 'out_of_scope', route: 'none', referrals: ['rmc'] });
    expect(await intakeCount()).toBe(before);
  });

  it('sends a well-formed postcode that is not in the table, and abroad without postcode, to national/triage', async () => {
    for (const body of [valid({ postcode: '5016' }), valid({ country: 'abroad', postcode: undefined })]) {
      const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
      const status = await waitForClassification(t.http, response.body.trackingCode);
      expect(status.region).toBeNull();
      const [row] = await db.query<{ region_code: string | null; team: string }[]>(
        'SELECT c.region_code, c.team FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1',
        [response.body.trackingCode],
      );
      expect(row).toEqual({ region_code: null, team: 'triage' });
    }
  });

  it('scrubs personal data from the question before it is stored', async () => {
    const question = 'Mail me op jan@example.nl of bel 06-12345678, mijn BSN is 111222333 en ik woon op 5038 AB.';
    const response = await request(t.http).post('/api/v1/intakes').send(valid({ question })).expect(201);
    const [row] = await db.query<{ question: string }[]>('SELECT question FROM intake WHERE tracking_code = $1', [response.body.trackingCode]);
    expect(row.question).not.toMatch(/jan@example\.nl|12345678|111222333|5038 AB/);
  });

  describe('bad input is a 4xx problem+json naming the field, never a 500', () => {
    it.each([
      ['malformed postcode', valid({ postcode: '0123' }), 422, 'postcode'],
      ['missing postcode in NL', valid({ postcode: undefined }), 422, 'postcode'],
      ['unknown field', valid({ favouriteColour: 'blue' }), 422, 'favouriteColour'],
      ['unknown nested field', valid({ person: { shoeSize: 44 } }), 422, 'person.shoeSize'],
      ['bad enum', valid({ role: 'student' }), 422, 'role'],
      ['bad nested enum', valid({ person: { benefit: 'lottery' } }), 422, 'person.benefit'],
      ['no consent', valid({ consent: { processing: false } }), 422, 'consent.processing'],
      ['health fact without consent', valid({ person: { benefit: 'wajong' }, consent: { processing: true } }), 422, 'consent.specialCategoryData'],
      ['employer without requestType', valid({ role: 'employer', person: undefined, employer: { sizeBand: '1_9' } }), 422, 'employer.requestType'],
      ['employer without employer block', valid({ role: 'employer', person: undefined }), 422, 'employer'],
      ['question too long', valid({ question: 'x'.repeat(2001) }), 422, 'question'],
      ['bad dismissalMonth', valid({ person: { dismissalMonth: '2026-13' } }), 422, 'person.dismissalMonth'],
      ['bad kvk', valid({ role: 'employer', person: undefined, employer: { requestType: 'other', kvkNumber: '123' } }), 422, 'employer.kvkNumber'],
      ['array body', [1, 2], 422, undefined],
    ])('%s', async (_name, body, status, field) => {
      const response = await request(t.http).post('/api/v1/intakes').send(body as object).expect(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status, title: expect.any(String) });
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await request(t.http).post('/api/v1/intakes').set('content-type', 'application/json').send('{"role": ').expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a body over 32 KiB with 413', async () => {
      const response = await request(t.http).post('/api/v1/intakes').send(valid({ question: 'x'.repeat(40 * 1024) })).expect(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('answers an unknown tracking code with 404', async () => {
      const response = await request(t.http).get('/api/v1/intakes/doesnotexist').expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the same answer for the same key and body and creates nothing new', async () => {
      const before = await intakeCount();
      const [first, second] = await Promise.all([
        request(t.http).post('/api/v1/intakes').set('Idempotency-Key', 'form-42').send(valid()),
        request(t.http).post('/api/v1/intakes').set('Idempotency-Key', 'form-42').send(valid()),
      ]);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await intakeCount()).toBe(before + 1);
    });

    it('refuses the same key with another body', async () => {
      await request(t.http).post('/api/v1/intakes').set('Idempotency-Key', 'form-43').send(valid()).expect(201);
      const response = await request(t.http).post('/api/v1/intakes').set('Idempotency-Key', 'form-43').send(valid({ question: 'iets anders' })).expect(422);
      expect(response.body.errors[0].field).toBe('Idempotency-Key');
    });
  });

  it('reports health 200 when PostgreSQL and Redis answer', async () => {
    const response = await request(t.http).get('/health').expect(200);
    expect(response.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
