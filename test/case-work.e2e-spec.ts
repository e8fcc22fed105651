import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RoutingService } from '#libs/routing';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

/** A Midden-Brabant jobseeker in the bijstand: P4 → werkbedrijf. */
const werkbedrijfIntake = (question = 'Ik zit in de bijstand en wil weer aan het werk.') => ({
  role: 'jobseeker',
  postcode: '5041',
  question,
  person: { ageBand: '27_55', situation: 'unemployed', benefit: 'bijstand' },
  consent: { processing: true },
});

describe('case workers work their worklists (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function submitAndRoute(body: object): Promise<string> {
    const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
    await waitForClassification(t.http, response.body.trackingCode);
    return response.body.trackingCode as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  it('logs demo accounts in and refuses a wrong password or a missing token', async () => {
    await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-werkbedrijf', password: 'wrong' }).expect(401);
    await request(t.http).post('/api/v1/auth/login').send({ username: 'nobody', password: 'demo' }).expect(401);
    await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').expect(401);
    await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth('not-a-token')).expect(401);
    expect(await login(t.http, 'demo-werkbedrijf')).toEqual(expect.any(String));
  });

  it('lets the team work a case from worklist to closed, while the citizen follows along', async () => {
    const trackingCode = await submitAndRoute(werkbedrijfIntake());
    const token = await login(t.http, 'demo-werkbedrijf');
    const list = await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth(token)).expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body[0]).toMatchObject({ regionCode: 'AM26', team: 'werkbedrijf', status: 'new' });

    const claimed = await request(t.http).post('/api/v1/worklists/AM26/werkbedrijf/claim').set(auth(token)).expect(200);
    expect(claimed.body.status).toBe('assigned');
    const caseId = claimed.body.id as string;

    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(token)).expect(200);
    expect(detail.body.intake.classification).toMatchObject({ level: 'top', route: 'werkbedrijf' });
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual(['created', 'claimed']);

    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'in_progress' }).expect(200);
    expect((await request(t.http).get(`/api/v1/intakes/${trackingCode}`)).body.status).toBe('in_progress');

    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'waiting_for_citizen', note: 'cv opgevraagd' }).expect(200);
    expect((await request(t.http).get(`/api/v1/intakes/${trackingCode}`)).body.status).toBe('waiting');

    const refused = await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'closed' }).expect(409);
    expect(refused.body.detail).toContain('result');

    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'closed', result: 'placed_in_work' }).expect(200);
    expect((await request(t.http).get(`/api/v1/intakes/${trackingCode}`)).body.status).toBe('closed');
    const reopened = await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'in_progress' }).expect(409);
    expect(reopened.headers['content-type']).toContain('application/problem+json');
  });

  it('never gives two concurrent claims the same case', async () => {
    const caseCount = 12;
    const claimers = 20;
    for (let i = 0; i < caseCount; i += 1) await submitAndRoute(werkbedrijfIntake(`Bijstand, vraag ${i}.`));
    const token = await login(t.http, 'demo-werkbedrijf');
    // Claim away whatever earlier tests left, so the count below is exact.
    await db.query(`UPDATE "case" SET status = 'closed', result = 'withdrawn' WHERE team = 'werkbedrijf' AND status <> 'new' AND status <> 'closed'`);
    const open = Number((await db.query<{ n: string }[]>(`SELECT count(*) n FROM "case" WHERE region_code = 'AM26' AND team = 'werkbedrijf' AND status = 'new'`))[0].n);
    const responses = await Promise.all(
      Array.from({ length: claimers }, () => request(t.http).post('/api/v1/worklists/AM26/werkbedrijf/claim').set(auth(token))),
    );
    const claimedIds = responses.filter((r) => r.status === 200).map((r) => r.body.id as string);
    expect(responses.every((r) => r.status === 200 || r.status === 204)).toBe(true);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.length).toBe(Math.min(open, claimers));
    expect(responses.filter((r) => r.status === 204).length).toBe(claimers - Math.min(open, claimers));
  });

  it('refuses a case worker outside the region or team', async () => {
    const trackingCode = await submitAndRoute(werkbedrijfIntake('Bijstand, andere regio.'));
    const [{ id: caseId }] = await db.query<{ id: string }[]>(
      'SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1',
      [trackingCode],
    );
    const wsp = await login(t.http, 'demo-wsp');
    await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set(auth(wsp)).expect(403);
    await request(t.http).post('/api/v1/worklists/AM26/werkbedrijf/claim').set(auth(wsp)).expect(403);
    await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(wsp)).expect(404);
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(wsp)).send({ status: 'in_progress' }).expect(404);

    const werkbedrijf = await login(t.http, 'demo-werkbedrijf');
    await request(t.http).get('/api/v1/worklists/AM25/werkbedrijf/cases').set(auth(werkbedrijf)).expect(403);
    await request(t.http).get('/api/v1/worklists/national/triage/cases').set(auth(werkbedrijf)).expect(403);
    await request(t.http).get('/api/v1/worklists/AM99/werkbedrijf/cases').set(auth(werkbedrijf)).expect(404);
    await request(t.http).get('/api/v1/worklists/AM26/kantine/cases').set(auth(werkbedrijf)).expect(404);
  });

  it('transfers a case as a hand-off: it stays until the receiving team accepts, and both sides see it', async () => {
    const trackingCode = await submitAndRoute(werkbedrijfIntake('Bijstand, maar eigenlijk een werkgeversvraag.'));
    const [{ id: caseId }] = await db.query<{ id: string }[]>(
      'SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1',
      [trackingCode],
    );
    const coordinator = await login(t.http, 'demo-coordinator');
    await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(coordinator)).send({ team: 'wsp' }).expect(422);
    await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(coordinator)).send({ team: 'werkbedrijf', reason: 'zelfde lijst' }).expect(422);
    const requested = await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(coordinator)).send({ team: 'wsp', reason: 'Werkgever zoekt personeel' }).expect(202);
    expect(requested.body).toMatchObject({ status: 'pending', fromTeam: 'werkbedrijf', toTeam: 'wsp', toRegionCode: 'AM26', respondBy: expect.any(String) });

    // Until the WSP answers, the case stays on the werkbedrijf list and the WSP can look at it.
    const werkbedrijf = await login(t.http, 'demo-werkbedrijf');
    const wsp = await login(t.http, 'demo-wsp');
    await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(werkbedrijf)).expect(200);
    const seenByWsp = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(wsp)).expect(200);
    expect(seenByWsp.body).toMatchObject({ team: 'werkbedrijf', pendingHandoff: { id: requested.body.id } });
    const incoming = await request(t.http).get('/api/v1/worklists/AM26/wsp/handoffs').set(auth(wsp)).expect(200);
    expect(incoming.body.incoming.map((h: { id: string }) => h.id)).toContain(requested.body.id);
    expect((await request(t.http).get(`/api/v1/intakes/${trackingCode}`)).body.status).toBe('routed');
    await request(t.http).post(`/api/v1/handoffs/${requested.body.id}/accept`).set(auth(werkbedrijf)).send({}).expect(404);

    const accepted = await request(t.http).post(`/api/v1/handoffs/${requested.body.id}/accept`).set(auth(wsp)).send({}).expect(200);
    expect(accepted.body).toMatchObject({ team: 'wsp', regionCode: 'AM26', status: 'new', assignedTo: null });
    const wspList = await request(t.http).get('/api/v1/worklists/AM26/wsp/cases').set(auth(wsp)).expect(200);
    expect(wspList.body.map((c: { id: string }) => c.id)).toContain(caseId);
    await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(werkbedrijf)).expect(404);
    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(wsp)).expect(200);
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['handoff_requested', 'handoff_accepted']));
    await request(t.http).post(`/api/v1/handoffs/${requested.body.id}/accept`).set(auth(wsp)).send({}).expect(409);
  });

  it('routes an intake exactly once, however often the job runs', async () => {
    const trackingCode = await submitAndRoute(werkbedrijfIntake('Bijstand, dubbel.'));
    const [{ id }] = await db.query<{ id: string }[]>('SELECT id FROM intake WHERE tracking_code = $1', [trackingCode]);
    // Undo the routing, then let two handler runs race for the same intake.
    await db.query('DELETE FROM case_event WHERE case_id IN (SELECT id FROM "case" WHERE intake_id = $1)', [id]);
    await db.query('DELETE FROM "case" WHERE intake_id = $1', [id]);
    await db.query('UPDATE intake SET classification = NULL, classified_at = NULL WHERE id = $1', [id]);
    const routing = t.worker!.get(RoutingService);
    const outcomes = await Promise.all([routing.routeIntake(id), routing.routeIntake(id), routing.routeIntake(id)]);
    expect(outcomes.sort()).toEqual(['already_routed', 'already_routed', 'routed']);
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) n FROM "case" WHERE intake_id = $1', [id]);
    expect(Number(n)).toBe(1);
  });
});
