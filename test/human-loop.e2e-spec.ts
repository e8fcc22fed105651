import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the human loop around the classifier (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;

  async function submit(body: object): Promise<{ trackingCode: string; caseId: string }> {
    const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
    const trackingCode = response.body.trackingCode as string;
    await waitForClassification(t.http, trackingCode);
    const [{ id }] = await db.query<{ id: string }[]>('SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1', [trackingCode]);
    return { trackingCode, caseId: id };
  }

  /** F1: nothing the rules can read → triage in AM26. */
  const unclear = { role: 'jobseeker', postcode: '5038', question: 'Hallo, ik heb een vraag.', person: { benefit: 'other' }, consent: { processing: true } };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  it('lets triage classify a triage case by hand; it moves to that team and the citizen sees a person decided', async () => {
    const { trackingCode, caseId } = await submit(unclear);
    const before = await request(t.http).get(`/api/v1/intakes/${trackingCode}`);
    expect(before.body.classification).toMatchObject({ level: 'undetermined', route: 'triage' });

    const triage = await login(t.http, 'demo-triage');
    const mobiliteit = await login(t.http, 'demo-mobiliteitsteam');
    await request(t.http).post(`/api/v1/cases/${caseId}/classification`).set(auth(mobiliteit)).send({ level: 'middle', route: 'mobiliteitsteam', reason: 'niet mijn team' }).expect(404);
    await request(t.http).post(`/api/v1/cases/${caseId}/classification`).set(auth(triage)).send({ level: 'middle', route: 'triage', reason: 'bad' }).expect(422);
    const moved = await request(t.http)
      .post(`/api/v1/cases/${caseId}/classification`)
      .set(auth(triage))
      .send({ level: 'middle', route: 'mobiliteitsteam', reason: 'Gebeld: contract loopt af in maart.' })
      .expect(200);
    expect(moved.body).toMatchObject({ team: 'mobiliteitsteam', level: 'middle', status: 'new' });

    const after = await request(t.http).get(`/api/v1/intakes/${trackingCode}`);
    expect(after.body.classification).toMatchObject({ level: 'middle', route: 'mobiliteitsteam' });
    expect(after.body.classification.reasons.map((r: { rule: string }) => r.rule)).toEqual(['F1', 'MANUAL']);
    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(mobiliteit)).expect(200);
    expect(detail.body.history.at(-1)).toMatchObject({ type: 'classified_by_hand', note: 'Gebeld: contract loopt af in maart.' });
  });

  it('sets the region of a national triage case when triage classifies it', async () => {
    const { caseId } = await submit({ ...unclear, postcode: '5016' });
    const admin = await login(t.http, 'demo-admin');
    await request(t.http).post(`/api/v1/cases/${caseId}/classification`).set(auth(admin)).send({ level: 'base', route: 'mobiliteitsteam', reason: 'Woont in Tilburg' }).expect(422);
    const moved = await request(t.http)
      .post(`/api/v1/cases/${caseId}/classification`)
      .set(auth(admin))
      .send({ level: 'base', route: 'mobiliteitsteam', regionCode: 'AM26', reason: 'Woont in Tilburg' })
      .expect(200);
    expect(moved.body).toMatchObject({ regionCode: 'AM26', team: 'mobiliteitsteam' });
  });

  it('lets any case worker propose a reclassification; the case goes to triage with the proposal', async () => {
    const { caseId } = await submit({ role: 'jobseeker', postcode: '5041', question: '', person: { benefit: 'bijstand' }, consent: { processing: true } });
    const werkbedrijf = await login(t.http, 'demo-werkbedrijf');
    const proposed = await request(t.http)
      .post(`/api/v1/cases/${caseId}/reclassification`)
      .set(auth(werkbedrijf))
      .send({ level: 'middle', route: 'mobiliteitsteam', reason: 'Heeft net werk, dreigt het te verliezen' })
      .expect(200);
    expect(proposed.body).toMatchObject({ team: 'triage', status: 'new' });
    const triage = await login(t.http, 'demo-triage');
    await request(t.http)
      .post(`/api/v1/cases/${caseId}/classification`)
      .set(auth(triage))
      .send({ level: 'middle', route: 'mobiliteitsteam', reason: 'Eens met voorstel' })
      .expect(200);
  });

  it('reports per rule how often it fired and how often people overruled it, to coordinators only', async () => {
    const coordinator = await login(t.http, 'demo-coordinator');
    const report = await request(t.http).get('/api/v1/reports/classification?regionCode=AM26').set(auth(coordinator)).expect(200);
    const rule = (id: string) => report.body.rules.find((r: { rule: string }) => r.rule === id);
    expect(report.body.rules.length).toBeGreaterThan(40);
    // The national intake that triage placed in AM26 counts for AM26: reports follow the handling region.
    expect(rule('F1')).toMatchObject({ fired: 2, overruled: 0 });
    expect(rule('P4')).toMatchObject({ fired: 1, overruled: 1, proposals: 1, overruleRate: 1 });
    expect(report.body.totals).toMatchObject({ classified: 3, handClassified: 3, overruled: 1, proposals: 1 });
    expect(report.body.rulesetVersions).toEqual(['2.2.0']);

    const worker = await login(t.http, 'demo-werkbedrijf');
    await request(t.http).get('/api/v1/reports/classification').set(auth(worker)).expect(403);
    await request(t.http).get('/api/v1/reports/classification?regionCode=AM25').set(auth(coordinator)).expect(403);
    await request(t.http).get('/api/v1/reports/classification?from=yesterday').set(auth(coordinator)).expect(422);
  });

  it('lets a region send the base level to another team without code changes', async () => {
    const llo = { role: 'worker', postcode: '5038', question: 'Ik wil graag een opleiding tot verpleegkundige volgen.', consent: { processing: true } };
    const first = await submit(llo);
    expect((await request(t.http).get(`/api/v1/intakes/${first.trackingCode}`)).body.classification).toMatchObject({ level: 'base', route: 'mobiliteitsteam' });

    const admin = await login(t.http, 'demo-admin');
    const settings = (await request(t.http).get('/api/v1/admin/regions/AM26/settings').set(auth(admin)).expect(200)).body;
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, baseRoute: 'kantine' }).expect(422);
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, baseRoute: 'wsp' }).expect(200);
    const second = await submit(llo);
    expect((await request(t.http).get(`/api/v1/intakes/${second.trackingCode}`)).body.classification).toMatchObject({ level: 'base', route: 'wsp' });
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, baseRoute: null }).expect(200);
  });
});
