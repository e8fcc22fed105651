import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MaintenanceService } from '#libs/maintenance';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const wwIntake = {
  role: 'jobseeker', postcode: '5038', question: 'Ik heb sinds kort een WW-uitkering, bel me op 06 12345678.',
  person: { benefit: 'ww' }, consent: { processing: true }, contact: { phone: '06 12345678' },
};

describe('robustness: bad input, stale tokens, lost jobs, retention (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;

  async function submit(body: object = wwIntake): Promise<{ trackingCode: string; caseId: string; intakeId: string }> {
    const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
    const trackingCode = response.body.trackingCode as string;
    await waitForClassification(t.http, trackingCode);
    const [row] = await db.query<{ case_id: string; intake_id: string }[]>(
      'SELECT c.id AS case_id, i.id AS intake_id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1',
      [trackingCode],
    );
    return { trackingCode, caseId: row.case_id, intakeId: row.intake_id };
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await login(t.http, 'demo-admin');
  });
  afterAll(async () => t.close());

  describe('input that could reach the database badly is a 4xx, never a 500', () => {
    it.each([
      ['NUL in the question', 'post', '/api/v1/intakes', { ...wwIntake, question: 'a\u0000b' }, 422, 'question'],
      ['a prototype key', 'post', '/api/v1/intakes', JSON.parse('{"__proto__": {"x": 1}, "role": "worker", "postcode": "5038", "consent": {"processing": true}}') as object, 422, '__proto__'],
      ['a JSON scalar body', 'post', '/api/v1/intakes', '"hallo"', 422, undefined],
      ['an empty user change', 'patch', '/api/v1/admin/users/:me', {}, 422, 'body'],
      ['a null role', 'patch', '/api/v1/admin/users/:me', { role: null }, 422, 'role'],
      ['a huge capacity', 'patch', '/api/v1/admin/users/:me', { maxOpenCases: 99999999999 }, 422, 'maxOpenCases'],
      ['an unknown region in a scope', 'patch', '/api/v1/admin/users/:me', { regionCodes: ['AM99'] }, 422, 'regionCodes'],
      ['a null SLA target', 'put', '/api/v1/admin/regions/AM26/settings', { baseRoute: null, sla: { wsp: { '*': null } }, autoAssignTeams: [], handoffResponseHours: 48 }, 422, 'sla'],
      ['a week date in a report', 'get', '/api/v1/reports/classification?from=2026-W01', undefined, 422, 'from'],
      ['NUL in a path', 'get', '/api/v1/intakes/%00', undefined, 404, 'trackingCode'],
      ['not a case id', 'get', '/api/v1/cases/not-a-uuid', undefined, 404, 'id'],
      ['absurdly deep nesting', 'post', '/api/v1/intakes', JSON.parse('{"role":' + '['.repeat(2000) + ']'.repeat(2000) + '}') as object, 422, 'role'],
      ['an SLA list where a map belongs', 'put', '/api/v1/admin/regions/AM26/settings', { baseRoute: null, sla: { wsp: [] }, autoAssignTeams: [], handoffResponseHours: 48 }, 422, 'sla'],
    ])('%s', async (_name, method, path, body, status, field) => {
      const me = (await request(t.http).get('/api/v1/me').set(auth(admin))).body.id as string;
      let call = request(t.http)[method as 'get'](path.replace(':me', me)).set(auth(admin));
      if (typeof body === 'string') call = call.set('content-type', 'application/json');
      const response = await (body === undefined ? call : call.send(body as object));
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      // The named field, or a path inside it.
      if (field) expect(response.body.errors.some((e: { field: string }) => e.field === field || e.field.startsWith(`${field}.`))).toBe(true);
    });
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await request(t.http).post('/api/v1/intakes').set('content-type', 'text/plain').send('role=worker').expect(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('gives a conflict, not a crash, when the same username is created twice at once', async () => {
    const body = { username: 'dubbel.wsp', password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams: ['wsp'] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => request(t.http).post('/api/v1/admin/users').set(auth(admin)).send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('brakes password guessing even when the guesses come in parallel', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => request(t.http).post('/api/v1/auth/login').send({ username: 'demo-werkbedrijf', password: `raad-${i}` })));
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(10);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(20);
  });

  it('never answers 500 when a hand-off is accepted while the case is being closed', async () => {
    const mob = await login(t.http, 'demo-mobiliteitsteam');
    const wsp = await login(t.http, 'demo-wsp');
    const coordinator = await login(t.http, 'demo-coordinator');
    const me = (await request(t.http).get('/api/v1/me').set(auth(mob))).body.id as string;
    for (let round = 0; round < 5; round += 1) {
      const { caseId } = await submit();
      await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(coordinator)).send({ caseIds: [caseId], assigneeId: me, reason: 'race' }).expect(200);
      const handoff = (await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'race' }).expect(202)).body;
      const [close, accept] = await Promise.all([
        request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(mob)).send({ status: 'closed', result: 'referred' }),
        request(t.http).post(`/api/v1/handoffs/${handoff.id}/accept`).set(auth(wsp)).send({}),
      ]);
      // One of the two wins; the other is told why. Never a crash, never both.
      expect([close.status, accept.status].sort()).not.toContain(500);
      expect([close.status, accept.status].filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('takes no notes or follow-ups on a closed case', async () => {
    const { caseId } = await submit({ role: 'worker', postcode: '5038', question: '', person: { targetGroupRegister: 'yes', dismissalRisk: 'yes' }, consent: { processing: true, specialCategoryData: true } });
    const coordinator = await login(t.http, 'demo-coordinator');
    await request(t.http).post(`/api/v1/cases/${caseId}/notes`).set(auth(coordinator)).send({ text: '   ' }).expect(422);
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(coordinator)).send({ status: 'closed', result: 'placed_in_work' }).expect(200);
    await request(t.http).post(`/api/v1/cases/${caseId}/notes`).set(auth(coordinator)).send({ text: 'te laat' }).expect(409);
    await request(t.http).post(`/api/v1/cases/${caseId}/follow-ups`).set(auth(coordinator)).send({ team: 'mobiliteitsteam', reason: 'te laat' }).expect(409);
  });

  it('gives the cases of someone who left the worklist back to it', async () => {
    const { caseId } = await submit();
    const leaver = await request(t.http).post('/api/v1/admin/users').set(auth(admin))
      .send({ username: 'vertrekker.mob', password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams: ['mobiliteitsteam'] }).expect(201);
    await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(await login(t.http, 'demo-coordinator')))
      .send({ caseIds: [caseId], assigneeId: leaver.body.id, reason: 'voor de vertrekker' }).expect(200);
    await request(t.http).patch(`/api/v1/admin/users/${leaver.body.id}`).set(auth(admin)).send({ active: false }).expect(200);
    await t.worker!.get(MaintenanceService).sweep();
    const [row] = await db.query<{ assigned_to: string | null; status: string }[]>('SELECT assigned_to, status FROM "case" WHERE id = $1', [caseId]);
    expect(row).toEqual({ assigned_to: null, status: 'new' });
  });

  it('judges every request on the user as they are now, not as the token remembers them', async () => {
    const created = await request(t.http).post('/api/v1/admin/users').set(auth(admin))
      .send({ username: 'tijdelijk.wsp', password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams: ['wsp'] }).expect(201);
    const token = await login(t.http, 'tijdelijk.wsp', 'correct horse battery');
    await request(t.http).get('/api/v1/worklists/AM26/wsp/cases').set(auth(token)).expect(200);
    await request(t.http).patch(`/api/v1/admin/users/${created.body.id}`).set(auth(admin)).send({ teams: ['triage'] }).expect(200);
    // A scope change ends the old session; the new one has the new scope only.
    await request(t.http).get('/api/v1/worklists/AM26/wsp/cases').set(auth(token)).expect(401);
    const moved = await login(t.http, 'tijdelijk.wsp', 'correct horse battery');
    await request(t.http).get('/api/v1/worklists/AM26/wsp/cases').set(auth(moved)).expect(403);
    await request(t.http).get('/api/v1/worklists/AM26/triage/cases').set(auth(moved)).expect(200);
    // Availability is read as it is now, without ending the session.
    await request(t.http).put('/api/v1/me/availability').set(auth(moved)).send({ available: false }).expect(200);
    await request(t.http).get('/api/v1/me').set(auth(moved)).expect(200);
    await request(t.http).patch(`/api/v1/admin/users/${created.body.id}`).set(auth(admin)).send({ active: false }).expect(200);
    await request(t.http).get('/api/v1/me').set(auth(moved)).expect(401);
  });

  it('cancels a pending hand-off when the case is closed or moved another way', async () => {
    const { caseId } = await submit();
    const mob = await login(t.http, 'demo-mobiliteitsteam');
    const wsp = await login(t.http, 'demo-wsp');
    await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(await login(t.http, 'demo-coordinator')))
      .send({ caseIds: [caseId], assigneeId: (await request(t.http).get('/api/v1/me').set(auth(mob))).body.id, reason: 'test' }).expect(200);
    const handoff = (await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'werkgever?' }).expect(202)).body;
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(mob)).send({ status: 'closed', result: 'referred' }).expect(200);
    const refused = await request(t.http).post(`/api/v1/handoffs/${handoff.id}/accept`).set(auth(wsp)).send({}).expect(409);
    expect(refused.body.detail).toContain('cancelled');
    const incoming = await request(t.http).get('/api/v1/worklists/AM26/wsp/handoffs').set(auth(wsp)).expect(200);
    expect(incoming.body.incoming.map((h: { id: string }) => h.id)).not.toContain(handoff.id);

    const second = await submit();
    const h2 = (await request(t.http).post(`/api/v1/cases/${second.caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'werkgever?' }).expect(202)).body;
    await request(t.http).post(`/api/v1/cases/${second.caseId}/reclassification`).set(auth(mob)).send({ level: 'top', route: 'werkbedrijf', reason: 'doelgroep' }).expect(200);
    await request(t.http).post(`/api/v1/handoffs/${h2.id}/accept`).set(auth(wsp)).send({}).expect(409);
    const detail = await request(t.http).get(`/api/v1/cases/${second.caseId}`).set(auth(await login(t.http, 'demo-triage'))).expect(200);
    expect(detail.body.team).toBe('triage');
    expect(detail.body.history.map((e: { type: string }) => e.type)).toContain('handoff_cancelled');
  });

  it('protects a colleague’s assigned case from being moved by another case worker', async () => {
    const { caseId } = await submit();
    const coordinator = await login(t.http, 'demo-coordinator');
    const colleague = await request(t.http).post('/api/v1/admin/users').set(auth(admin))
      .send({ username: 'collega.mob', password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams: ['mobiliteitsteam'] }).expect(201);
    await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(coordinator))
      .send({ caseIds: [caseId], assigneeId: colleague.body.id, reason: 'voor collega' }).expect(200);
    const mob = await login(t.http, 'demo-mobiliteitsteam');
    await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'niet de mijne' }).expect(403);
    await request(t.http).post(`/api/v1/cases/${caseId}/reclassification`).set(auth(mob)).send({ level: 'base', route: 'mobiliteitsteam', reason: 'niet de mijne' }).expect(403);
    await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(coordinator)).send({ team: 'wsp', reason: 'coordinator mag' }).expect(202);
  });

  it('lets triage set a missing region, shows the citizen that region, and refuses to move a case across regions', async () => {
    const national = await submit({ role: 'jobseeker', postcode: '5016', question: 'Hallo.', person: { benefit: 'other' }, consent: { processing: true } });
    const triage = await login(t.http, 'demo-admin');
    await request(t.http).post(`/api/v1/cases/${national.caseId}/classification`).set(auth(triage))
      .send({ level: 'base', route: 'mobiliteitsteam', regionCode: 'AM26', reason: 'Woont in Tilburg' }).expect(200);
    expect((await request(t.http).get(`/api/v1/intakes/${national.trackingCode}`)).body.region).toEqual({ code: 'AM26', name: 'Midden-Brabant' });

    const local = await submit({ role: 'jobseeker', postcode: '5038', question: 'Hallo.', person: { benefit: 'other' }, consent: { processing: true } });
    await request(t.http).post(`/api/v1/cases/${local.caseId}/classification`).set(auth(await login(t.http, 'demo-triage')))
      .send({ level: 'base', route: 'mobiliteitsteam', regionCode: 'AM01', reason: 'Verhuisd' }).expect(422);
  });

  it('reschedules the deadlines of a case released while the clocks were paused', async () => {
    const { caseId } = await submit();
    const coordinator = await login(t.http, 'demo-coordinator');
    const mob = await login(t.http, 'demo-mobiliteitsteam');
    const me = (await request(t.http).get('/api/v1/me').set(auth(mob))).body.id as string;
    await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(coordinator)).send({ caseIds: [caseId], assigneeId: me, reason: 'toewijzen' }).expect(200);
    await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(mob)).send({ status: 'waiting_for_citizen' }).expect(200);
    await db.query(`UPDATE "case" SET paused_at = paused_at - interval '10 days' WHERE id = $1`, [caseId]);
    const [released] = (await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(coordinator))
      .send({ caseIds: [caseId], assigneeId: null, reason: 'vakantie' }).expect(200)).body as { closeDueAt: string; slaPaused: boolean }[];
    expect(released.slaPaused).toBe(false);
    const jobs = await db.query<{ payload: { dueAt: string } }[]>(`SELECT payload FROM outbox WHERE job_name = 'sla-check' AND payload->>'caseId' = $1 AND payload->>'clock' = 'close'`, [caseId]);
    expect(jobs.map((j) => j.payload.dueAt)).toContain(released.closeDueAt);
  });

  describe('the maintenance sweep', () => {
    it('routes an intake whose routing job never ran, and escalates a deadline whose job was lost', async () => {
      const { trackingCode, intakeId, caseId } = await submit();
      // The job is "lost": undo the routing and age the intake.
      await db.query('DELETE FROM case_event WHERE case_id = $1', [caseId]);
      await db.query('DELETE FROM "case" WHERE id = $1', [caseId]);
      await db.query(`UPDATE intake SET classification = NULL, classified_at = NULL, received_at = now() - interval '10 minutes' WHERE id = $1`, [intakeId]);
      const maintenance = t.worker!.get(MaintenanceService);
      // Asserted on the state, not the count: the scheduled sweep may have run in between.
      await maintenance.sweep();
      const status = await request(t.http).get(`/api/v1/intakes/${trackingCode}`).expect(200);
      expect(status.body).toMatchObject({ status: 'routed', caseReference: expect.any(String) });

      const [{ id: newCaseId }] = await db.query<{ id: string }[]>('SELECT id FROM "case" WHERE intake_id = $1', [intakeId]);
      await db.query(`UPDATE "case" SET first_contact_due_at = now() - interval '1 hour', next_due_at = now() - interval '1 hour' WHERE id = $1`, [newCaseId]);
      await maintenance.sweep();
      const [{ escalated_at }] = await db.query<{ escalated_at: Date | null }[]>('SELECT escalated_at FROM "case" WHERE id = $1', [newCaseId]);
      expect(escalated_at).not.toBeNull();
    });

    it('removes contact details and free text once the cases are closed past the retention period', async () => {
      const { intakeId, caseId } = await submit();
      await db.query(`UPDATE "case" SET status = 'closed', result = 'placed_in_work', closed_at = now() - interval '91 days' WHERE id = $1`, [caseId]);
      await t.worker!.get(MaintenanceService).sweep();
      const [intake] = await db.query<{ contact: unknown; question: string; classification: unknown; personal_data_removed_at: Date | null }[]>(
        'SELECT contact, question, classification, personal_data_removed_at FROM intake WHERE id = $1', [intakeId]);
      expect(intake).toMatchObject({ contact: null, question: '', personal_data_removed_at: expect.any(Date) });
      expect(intake.classification).not.toBeNull();

      const open = await submit();
      await t.worker!.get(MaintenanceService).sweep();
      const [kept] = await db.query<{ contact: unknown }[]>('SELECT contact FROM intake WHERE id = $1', [open.intakeId]);
      expect(kept.contact).toEqual({ phone: '06 12345678' });
    });
  });
});
