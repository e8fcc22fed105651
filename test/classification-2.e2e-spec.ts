// Ruleset 2.0.0 through the real service (PostgreSQL, Redis, worker): crisis cases first and due today, markers on
// the case, a region's own ruleset and health-consent mode, replay before activation, and the triage desk's
// suggestions.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '#libs/calendar';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const intake = (question: string, extra: Record<string, unknown> = {}) => ({
  role: 'jobseeker',
  postcode: '5038',
  question,
  consent: { processing: true },
  ...extra,
});

describe('ruleset 2.0.0 in the loket (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;

  async function submit(body: object): Promise<{ trackingCode: string; caseId: string; status: Record<string, any> }> {
    const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
    const trackingCode = response.body.trackingCode as string;
    const status = await waitForClassification(t.http, trackingCode);
    const [{ id }] = await db.query<{ id: string }[]>('SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1', [trackingCode]);
    return { trackingCode, caseId: id, status };
  }

  const settingsOf = async (region: string) => (await request(t.http).get(`/api/v1/admin/regions/${region}/settings`).set(auth(admin)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await login(t.http, 'demo-admin');
  });
  afterAll(async () => t.close());

  it('puts a crisis question first on the triage worklist, due the same working day, with 113 for the citizen', async () => {
    const ordinary = await submit(intake('Hallo, ik heb een vraag over werk in de buurt.', { person: { benefit: 'other' } }));
    const crisis = await submit(intake('Ik zie het niet meer zitten sinds ik mijn baan kwijt ben.'));
    expect(crisis.status.classification).toMatchObject({ route: 'triage', urgent: true, rulesetVersion: '2.2.0' });
    expect(crisis.status.classification.referrals).toContain('crisis_113');

    const triage = await login(t.http, 'demo-triage');
    const list = await request(t.http).get('/api/v1/worklists/AM26/triage/cases').set(auth(triage)).expect(200);
    const ids = list.body.map((c: { id: string }) => c.id);
    expect(ids[0]).toBe(crisis.caseId);
    expect(ids).toContain(ordinary.caseId);
    const detail = await request(t.http).get(`/api/v1/cases/${crisis.caseId}`).set(auth(triage)).expect(200);
    expect(detail.body).toMatchObject({ urgent: true, consentToConfirm: false, contradiction: false });
    const due = new Date(detail.body.firstContactDueAt as string);
    const endOfToday = new WorkingDayCalendar().endOfWorkingDay(new Date(detail.body.createdAt as string));
    expect(due.getTime()).toBe(endOfToday.getTime());

    const claimed = await request(t.http).post('/api/v1/worklists/AM26/triage/claim').set(auth(triage)).expect(200);
    expect(claimed.body.id).toBe(crisis.caseId);
  });

  it('answers an under-16 in crisis inline with the crisis line, storing nothing', async () => {
    const before = Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM intake'))[0].n);
    const response = await request(t.http)
      .post('/api/v1/intakes')
      .send(intake('ik ben 14 en wil dood', { person: { ageBand: 'under_16' } }))
      .expect(200);
    expect(response.body.trackingCode).toBeNull();
    expect(response.body.classification).toMatchObject({ route: 'none', referrals: ['rmc', 'crisis_113'], urgent: true });
    expect(Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM intake'))[0].n)).toBe(before);
  });

  it('routes by the text when an answer contradicts it, and marks the case for a check', async () => {
    const { caseId, status } = await submit(
      intake('de fabriek gaat dicht, iedereen eruit', { role: 'worker', person: { dismissalRisk: 'no', situation: 'employed' } }),
    );
    expect(status.classification).toMatchObject({ route: 'mobiliteitsteam', contradiction: true });
    const mob = await login(t.http, 'demo-mobiliteitsteam');
    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(mob)).expect(200);
    expect(detail.body).toMatchObject({ team: 'mobiliteitsteam', contradiction: true });
    expect(detail.body.intake.classification.reasons.map((r: { rule: string }) => r.rule)).toContain('K1');
  });

  it('routes health in the person\'s own words and asks for consent; a strict region keeps it at triage', async () => {
    const ownWords = await submit(intake('Ik heb MS en zoek aangepast werk.'));
    expect(ownWords.status.classification).toMatchObject({ route: 'werkbedrijf', consentToConfirm: true });
    const wb = await login(t.http, 'demo-werkbedrijf');
    expect((await request(t.http).get(`/api/v1/cases/${ownWords.caseId}`).set(auth(wb)).expect(200)).body.consentToConfirm).toBe(true);

    const settings = await settingsOf('AM26');
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, healthConsent: 'sideways' }).expect(422);
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, healthConsent: 'strict' }).expect(200);
    const strict = await submit(intake('Ik heb MS en zoek aangepast werk.'));
    expect(strict.status.classification).toMatchObject({ route: 'triage', consentToConfirm: false });
    expect(strict.status.classification.reasons.map((r: { rule: string }) => r.rule)).toContain('H1');
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, healthConsent: null }).expect(200);
  });

  it('replays a candidate ruleset before a region activates it; activation is audited and recorded on classifications', async () => {
    const analystScope = await login(t.http, 'demo-coordinator');
    await submit(intake('ik zie het niet meer zitten'));
    await request(t.http).post('/api/v1/analysis/replay').set(auth(analystScope)).send({ regionCode: 'AM26', rulesetVersion: '9.9.9' }).expect(422);
    await request(t.http).post('/api/v1/analysis/replay').set(auth(analystScope)).send({ regionCode: 'AM01', rulesetVersion: '1.0.0' }).expect(403);
    const caseWorker = await login(t.http, 'demo-werkbedrijf');
    await request(t.http).post('/api/v1/analysis/replay').set(auth(caseWorker)).send({ regionCode: 'AM26', rulesetVersion: '1.0.0' }).expect(403);

    const replay = await request(t.http).post('/api/v1/analysis/replay').set(auth(analystScope)).send({ regionCode: 'AM26', rulesetVersion: '1.0.0' }).expect(200);
    expect(replay.body.candidateVersion).toBe('1.0.0');
    expect(replay.body.replayed).toBeGreaterThanOrEqual(5);
    expect(replay.body.baselineVersions).toEqual(['2.2.0']);
    expect(replay.body.urgentBefore).toBeGreaterThan(replay.body.urgentAfter);
    const health = replay.body.routeChanges.find((c: { from: string; to: string }) => c.from === 'werkbedrijf' && c.to === 'triage');
    expect(health.count).toBeGreaterThanOrEqual(1);
    expect(health.exampleIntakeIds[0]).toMatch(/^[0-9a-f-]{36}$/);

    const settings = await settingsOf('AM26');
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, rulesetVersion: '7.0.0' }).expect(422);
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, rulesetVersion: '1.0.0' }).expect(200);
    const old = await submit(intake('Ik heb MS en zoek aangepast werk.'));
    expect(old.status.classification.rulesetVersion).toBe('1.0.0');
    expect(old.status.classification.route).toBe('triage');
    // Sent at once, so the worker routes them in shared batches: each intake still follows its own region's ruleset.
    const burst = await Promise.all(
      ['5038', '1012', '5038', '1012', '5038', '1012'].map(async (postcode) => ({ postcode, ...(await submit(intake('Ik heb MS en zoek aangepast werk.', { postcode }))) })),
    );
    for (const { postcode, status } of burst) {
      expect(status.classification.rulesetVersion).toBe(postcode === '5038' ? '1.0.0' : '2.2.0');
    }
    const audit = await request(t.http).get('/api/v1/admin/audit?action=region.settings_updated').set(auth(admin)).expect(200);
    expect(audit.body[0]).toMatchObject({ actorUsername: 'demo-admin', details: { regionCode: 'AM26', rulesetVersion: '1.0.0' } });
    await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, rulesetVersion: null }).expect(200);
    expect((await settingsOf('AM26')).rulesetVersion).toBeNull();
  });

  it('suggests the words the triage desk keeps deciding on that no rule reads', async () => {
    const triage = await login(t.http, 'demo-triage');
    for (let i = 0; i < 3; i++) {
      const { caseId } = await submit(intake(`Ik ben nieuwkomer uit Eritrea, graag een gesprek ${i}.`, { person: { benefit: 'other' } }));
      await request(t.http)
        .post(`/api/v1/cases/${caseId}/classification`)
        .set(auth(triage))
        .send({ level: 'top', route: 'werkbedrijf', reason: 'Nieuwkomer met bijstand, gebeld.' })
        .expect(200);
    }
    const coordinator = await login(t.http, 'demo-coordinator');
    const report = await request(t.http).get('/api/v1/reports/classification/suggestions?regionCode=AM26').set(auth(coordinator)).expect(200);
    const werkbedrijf = report.body.routes.find((r: { route: string }) => r.route === 'werkbedrijf');
    expect(werkbedrijf.decisions).toBeGreaterThanOrEqual(3);
    const terms = werkbedrijf.terms.map((term: { term: string }) => term.term);
    expect(terms).toContain('nieuwkomer');
    expect(terms).toContain('eritrea');
    expect(terms).not.toContain('ben');
    expect(werkbedrijf.terms.every((term: { count: number }) => term.count >= 3)).toBe(true);
    await request(t.http).get('/api/v1/reports/classification/suggestions').set(auth(await login(t.http, 'demo-werkbedrijf'))).expect(403);
  });
});
