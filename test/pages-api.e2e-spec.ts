// What the pages need from the API, on real PostgreSQL and Redis: the live preview (stores nothing, limited per
// address), the browser session (httpOnly cookie, CSRF double submit, logout), the citizen's journey, the region
// list, worklists that answer 304 when nothing changed, and an OpenAPI document that matches the committed one.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const body = (question: string, extra: Record<string, unknown> = {}) => ({ role: 'jobseeker', postcode: '5038 AB', question, consent: { processing: true }, ...extra });

describe('the API behind the pages (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  const count = async (table: string) => Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  it('previews where a question goes and why, offering consent for health words, and stores nothing', async () => {
    const [intakes, outbox] = [await count('intake'), await count('outbox')];
    const preview = await request(t.http).post('/api/v1/intakes/preview').send(body('Ik heb MS en zoek aangepast werk.')).expect(200);
    expect(preview.body).toMatchObject({ region: { code: 'AM26', name: 'Midden-Brabant' }, consentHint: true, classification: { route: 'werkbedrijf', consentToConfirm: true } });
    const consented = await request(t.http)
      .post('/api/v1/intakes/preview')
      .send(body('Ik heb MS en zoek aangepast werk.', { consent: { processing: true, specialCategoryData: true } }))
      .expect(200);
    expect(consented.body.consentHint).toBe(false);
    await request(t.http).post('/api/v1/intakes/preview').send(body('x', { postcode: 'abc' })).expect(422);
    expect([await count('intake'), await count('outbox')]).toEqual([intakes, outbox]);
  });

  it('limits previews per address with a 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      statuses.push((await request(t.http).post('/api/v1/intakes/preview').set('X-Forwarded-For', '203.0.113.9').send(body(`vraag ${i}`))).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
  });

  it('keeps the browser session in an httpOnly SameSite=Strict cookie and wants the CSRF token on changes', async () => {
    await request(t.http).post('/api/v1/auth/session').send({ username: 'demo-werkbedrijf', password: 'wrong' }).expect(401);
    const started = await request(t.http).post('/api/v1/auth/session').send({ username: 'demo-werkbedrijf', password: 'demo' }).expect(200);
    const cookies = ([] as string[]).concat(started.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('werkloket_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Secure/);
    expect(JSON.stringify(started.body)).not.toContain(session.split(';')[0].split('=')[1]);
    const jar = cookies.map((c) => c.split(';')[0]).join('; ');

    const me = await request(t.http).get('/api/v1/me').set('Cookie', jar).expect(200);
    expect(me.body).toMatchObject({ username: 'demo-werkbedrijf', role: 'case_worker', regionCodes: ['AM26'], available: true });
    await request(t.http).put('/api/v1/me/availability').set('Cookie', jar).send({ available: true }).expect(403);
    await request(t.http).put('/api/v1/me/availability').set('Cookie', jar).set('X-CSRF-Token', 'guess').send({ available: true }).expect(403);
    await request(t.http).put('/api/v1/me/availability').set('Cookie', jar).set('X-CSRF-Token', started.body.csrfToken).send({ available: true }).expect(200);

    const ended = await request(t.http).delete('/api/v1/auth/session').set('Cookie', jar).expect(204);
    const cleared = ([] as string[]).concat(ended.headers['set-cookie'] ?? []);
    expect(cleared.find((c) => c.startsWith('werkloket_session='))).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('shows the citizen the journey of the question and when a person will contact them', async () => {
    const created = await request(t.http).post('/api/v1/intakes').send(body('Mijn contract wordt niet verlengd.', { role: 'worker' })).expect(201);
    const status = await waitForClassification(t.http, created.body.trackingCode);
    expect(status.journey.map((s: { step: string; team: string | null }) => [s.step, s.team])).toEqual([
      ['received', null],
      ['routed', 'mobiliteitsteam'],
    ]);
    expect(new Date(status.firstContactDueAt as string).getTime()).toBeGreaterThan(Date.now());

    const mob = await login(t.http, 'demo-mobiliteitsteam');
    const claimed = await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/claim').set(auth(mob)).expect(200);
    await request(t.http).post(`/api/v1/cases/${claimed.body.id}/status`).set(auth(mob)).send({ status: 'in_progress' }).expect(200);
    await request(t.http).post(`/api/v1/cases/${claimed.body.id}/status`).set(auth(mob)).send({ status: 'closed', result: 'work_to_work' }).expect(200);
    const after = await request(t.http).get(`/api/v1/intakes/${created.body.trackingCode as string}`).expect(200);
    expect(after.body.journey.map((s: { step: string }) => s.step)).toEqual(['received', 'routed', 'in_progress', 'closed']);
    expect(after.body.journey.at(-1)).toMatchObject({ result: 'work_to_work', caseReference: after.body.caseReference });
    expect(after.body.firstContactDueAt).toBeNull();
    expect(JSON.stringify(after.body)).not.toMatch(/demo-|actorId|note/);
  });

  it('lists the 35 regions, and answers a worklist poll with 304 when nothing changed', async () => {
    const regions = await request(t.http).get('/api/v1/regions').expect(200);
    expect(regions.body).toHaveLength(35);
    expect(regions.body).toContainEqual({ code: 'AM26', name: 'Midden-Brabant' });

    const wb = await login(t.http, 'demo-werkbedrijf');
    const first = await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth(wb)).expect(200);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth(wb)).set('If-None-Match', etag).expect(304);
    const created = await request(t.http).post('/api/v1/intakes').send(body('Ik zit in de bijstand en wil werken.')).expect(201);
    await waitForClassification(t.http, created.body.trackingCode);
    await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth(wb)).set('If-None-Match', etag).expect(200);
  });

  it('serves the same OpenAPI document as the one the pages are generated from (npm run openapi)', async () => {
    const served = await request(t.http).get('/docs-json').expect(200);
    const committed = JSON.parse(readFileSync(new URL('../apps/web/src/api/openapi.json', import.meta.url), 'utf8')) as object;
    expect(served.body).toEqual(committed);
  });
});
