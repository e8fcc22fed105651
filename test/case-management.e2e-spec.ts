import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseTimersService } from '#libs/cases';
import { OutboxRelay, QueueName, type SlaCheckJobData } from '#libs/queue';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const DAY = 24 * 3600 * 1000;

/** P12 (WW) in Tilburg → AM26/mobiliteitsteam, middle; with contact details. */
const wwIntake = (question = 'Ik ben sinds kort werkloos en heb een WW-uitkering.') => ({
  role: 'jobseeker',
  postcode: '5038',
  question,
  person: { ageBand: '27_55', situation: 'unemployed', benefit: 'ww' },
  consent: { processing: true },
  contact: { email: 'jan@example.nl', phone: '06 12345678' },
});

describe('case work for case workers and coordinators (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let coordinator: string;

  async function submit(body: object = wwIntake()): Promise<{ trackingCode: string; caseId: string }> {
    const response = await request(t.http).post('/api/v1/intakes').send(body).expect(201);
    const trackingCode = response.body.trackingCode as string;
    await waitForClassification(t.http, trackingCode);
    const [{ id }] = await db.query<{ id: string }[]>('SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1 AND c.origin = $2', [trackingCode, 'routing']);
    return { trackingCode, caseId: id };
  }

  async function createUser(username: string, teams: string[], extra: object = {}): Promise<string> {
    const response = await request(t.http)
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ username, password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams, ...extra })
      .expect(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await login(t.http, 'demo-admin');
    coordinator = await login(t.http, 'demo-coordinator');
  });
  afterAll(async () => t.close());

  describe('SLA clocks', () => {
    it('puts working-day due dates on every case, schedules warning and escalation jobs, and sorts worklists by them', async () => {
      const { caseId } = await submit();
      const token = await login(t.http, 'demo-mobiliteitsteam');
      const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(token)).expect(200);
      const { firstContactDueAt, closeDueAt, createdAt } = detail.body as Record<string, string>;
      // Middle level: first contact within 2 working days, closing within 40; never on a weekend.
      expect(Date.parse(firstContactDueAt)).toBeGreaterThan(Date.parse(createdAt) + 2 * DAY - 60_000);
      expect(Date.parse(closeDueAt)).toBeGreaterThan(Date.parse(createdAt) + 40 * DAY);
      const weekday = (iso: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
      for (const due of [firstContactDueAt, closeDueAt]) expect(['Sat', 'Sun']).not.toContain(weekday(due));

      // One deadline job waits per case at a time; each schedules the next when it runs. Walk the chain by running
      // every job at the instant it is due (the API's and the worker's outbox relays both deliver).
      const timers = t.app.get<Queue>(getQueueToken(QueueName.CaseTimers));
      const caseTimers = t.worker!.get(CaseTimersService);
      const scheduled = async () => (await timers.getDelayed()).filter((job) => (job.data as SlaCheckJobData).caseId === caseId);
      const name = (job: { data: unknown }) => `${(job.data as SlaCheckJobData).kind}/${(job.data as SlaCheckJobData).clock}`;
      const chain = ['warning/first_contact', 'breach/first_contact', 'warning/close', 'breach/close'];
      for (let step = 0; step < chain.length; step += 1) {
        const deadline = Date.now() + 10_000;
        while ((await scheduled()).length <= step && Date.now() < deadline) {
          await t.app.get(OutboxRelay).flush();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const jobs = await scheduled();
        expect(jobs.map(name).sort()).toEqual(chain.slice(0, step + 1).sort());
        const next = jobs.find((job) => name(job) === chain[step])!;
        const dueAt = new Date(next.timestamp + next.delay);
        expect(await caseTimers.slaCheck(next.data as SlaCheckJobData, dueAt)).toBe(step % 2 === 0 ? 'warned' : 'escalated');
      }
      await t.app.get(OutboxRelay).flush();
      expect((await scheduled()).map(name).sort()).toEqual([...chain].sort());

      const list = await request(t.http).get('/api/v1/worklists/AM26/mobiliteitsteam/cases').set(auth(token)).expect(200);
      const dues = list.body.map((c: { firstContactDueAt: string }) => Date.parse(c.firstContactDueAt));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
    });

    it('uses the SLA a region configured for a team and level', async () => {
      const settings = (await request(t.http).get('/api/v1/admin/regions/AM26/settings').set(auth(admin)).expect(200)).body;
      await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin))
        .send({ ...settings, sla: { mobiliteitsteam: { middle: { firstContactDays: 7, closeDays: 3 } } } }).expect(422);
      await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin))
        .send({ ...settings, sla: { mobiliteitsteam: { middle: { firstContactDays: 1, closeDays: 5 } } } }).expect(200);
      const { caseId } = await submit();
      const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(coordinator)).expect(200);
      const created = Date.parse(detail.body.createdAt);
      // 5 working days stay within two calendar weeks even around Christmas; the default would be 40.
      expect(Date.parse(detail.body.closeDueAt)).toBeGreaterThan(created + 5 * DAY - 1000);
      expect(Date.parse(detail.body.closeDueAt)).toBeLessThan(created + 14 * DAY);
      await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send(settings).expect(200);
    });

    it('pauses while waiting for the citizen and gives the time back when work resumes', async () => {
      const { caseId } = await submit();
      const token = await login(t.http, 'demo-mobiliteitsteam');
      await db.query(`UPDATE "case" SET status = 'assigned', assigned_to = (SELECT id FROM case_worker WHERE username = 'demo-mobiliteitsteam') WHERE id = $1`, [caseId]);
      const waiting = await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'waiting_for_citizen' }).expect(200);
      expect(waiting.body).toMatchObject({ slaPaused: true, firstContactAt: expect.any(String) });
      // Pretend the wait took ten days: the clock paused then, so the close deadline must move.
      await db.query(`UPDATE "case" SET paused_at = paused_at - interval '10 days' WHERE id = $1`, [caseId]);
      const resumed = await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(token)).send({ status: 'in_progress' }).expect(200);
      expect(resumed.body.slaPaused).toBe(false);
      expect(Date.parse(resumed.body.closeDueAt)).toBeGreaterThan(Date.parse(waiting.body.closeDueAt) + 5 * DAY);
    });

    it('escalates a passed deadline to the coordinator: visible on the case and in the overview', async () => {
      const { caseId } = await submit();
      const [row] = await db.query<{ first_contact_due_at: Date; clock_started_at: Date }[]>('SELECT first_contact_due_at, clock_started_at FROM "case" WHERE id = $1', [caseId]);
      const job = { caseId, clock: 'first_contact' as const, dueAt: row.first_contact_due_at.toISOString(), scheduledAt: row.clock_started_at.toISOString() };
      const timers = t.worker!.get(CaseTimersService);
      const later = new Date(row.first_contact_due_at.getTime() + 60_000);
      expect(await timers.slaCheck({ ...job, kind: 'warning' }, new Date(row.first_contact_due_at.getTime() - 3600_000))).toBe('warned');
      expect(await timers.slaCheck({ ...job, kind: 'breach' }, new Date(row.first_contact_due_at.getTime() - 60_000))).toBe('stale');
      expect(await timers.slaCheck({ ...job, kind: 'breach' }, later)).toBe('escalated');
      expect(await timers.slaCheck({ ...job, kind: 'breach' }, later)).toBe('stale');
      expect(await timers.slaCheck({ ...job, kind: 'breach', dueAt: new Date(0).toISOString() }, later)).toBe('stale');

      const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(coordinator)).expect(200);
      expect(detail.body.escalatedAt).toEqual(expect.any(String));
      expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['sla_warning', 'sla_escalated']));
      const overview = await request(t.http).get('/api/v1/overview/AM26').set(auth(coordinator)).expect(200);
      expect(overview.body.escalatedCases.map((c: { id: string }) => c.id)).toContain(caseId);
      expect(overview.body.teams.find((f: { team: string }) => f.team === 'mobiliteitsteam').escalated).toBeGreaterThan(0);
      await request(t.http).get('/api/v1/overview/AM26').set(auth(await login(t.http, 'demo-wsp'))).expect(403);
    });
  });

  describe('assignment', () => {
    it('lets a coordinator assign, reassign and release in bulk with a reason, within the worklist only', async () => {
      const a = await submit();
      const b = await submit();
      const anna = await createUser('anna.mobiliteit', ['mobiliteitsteam']);
      const bram = await createUser('bram.mobiliteit', ['mobiliteitsteam']);
      const wspUser = await createUser('wim.wsp', ['wsp']);
      const url = '/api/v1/worklists/AM26/mobiliteitsteam/assignments';
      const assigned = await request(t.http).post(url).set(auth(coordinator)).send({ caseIds: [a.caseId, b.caseId], assigneeId: anna, reason: 'Verdeling maandag' }).expect(200);
      expect(assigned.body.map((c: { assignedTo: string; status: string }) => [c.assignedTo, c.status])).toEqual([[anna, 'assigned'], [anna, 'assigned']]);
      const reassigned = await request(t.http).post(url).set(auth(coordinator)).send({ caseIds: [b.caseId], assigneeId: bram, reason: 'Anna is ziek' }).expect(200);
      expect(reassigned.body[0].assignedTo).toBe(bram);
      const released = await request(t.http).post(url).set(auth(coordinator)).send({ caseIds: [a.caseId], assigneeId: null, reason: 'Terug naar de lijst' }).expect(200);
      expect(released.body[0]).toMatchObject({ assignedTo: null, status: 'new' });

      await request(t.http).post(url).set(auth(coordinator)).send({ caseIds: [a.caseId], assigneeId: wspUser, reason: 'verkeerd team' }).expect(422);
      await request(t.http).post(url).set(auth(coordinator)).send({ caseIds: [a.caseId], reason: 'geen assignee' }).expect(422);
      await request(t.http).post('/api/v1/worklists/AM26/wsp/assignments').set(auth(coordinator)).send({ caseIds: [a.caseId], assigneeId: wspUser, reason: 'andere lijst' }).expect(422);
      await request(t.http).post(url).set(auth(await login(t.http, 'demo-mobiliteitsteam'))).send({ caseIds: [a.caseId], assigneeId: anna, reason: 'zelf' }).expect(403);
    });

    it('assigns automatically and fairly when the region switches it on, respecting capacity and availability', async () => {
      const settings = (await request(t.http).get('/api/v1/admin/regions/AM26/settings').set(auth(admin)).expect(200)).body;
      await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, autoAssignTeams: ['wsp'] }).expect(200);
      const kim = await createUser('kim.wsp', ['wsp'], { maxOpenCases: 2 });
      const lex = await createUser('lex.wsp', ['wsp'], { maxOpenCases: 1 });
      const off = await createUser('olga.wsp', ['wsp'], { maxOpenCases: 5 });
      await request(t.http).patch(`/api/v1/admin/users/${off}`).set(auth(admin)).send({ available: false }).expect(200);
      // Everyone else on the WSP list (demo-wsp, earlier test users) is away today.
      await db.query(`UPDATE case_worker SET available = false WHERE 'wsp' = ANY(teams) AND id <> ALL($1)`, [[kim, lex, off]]);

      const employer = { role: 'employer', postcode: '5038', question: 'Wij zoeken een magazijnmedewerker.', employer: { requestType: 'vacancy_general' }, consent: { processing: true } };
      const cases = [];
      for (let i = 0; i < 4; i += 1) cases.push(await submit(employer));
      const deadline = Date.now() + 10_000;
      let rows: { assigned_to: string | null }[] = [];
      while (Date.now() < deadline) {
        rows = await db.query<{ assigned_to: string | null }[]>('SELECT assigned_to FROM "case" WHERE id = ANY($1)', [cases.map((c) => c.caseId)]);
        if (rows.filter((r) => r.assigned_to !== null).length === 3) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const counts = (id: string) => rows.filter((r) => r.assigned_to === id).length;
      expect([counts(kim), counts(lex), counts(off)]).toEqual([2, 1, 0]);
      expect(rows.filter((r) => r.assigned_to === null)).toHaveLength(1);
      await request(t.http).put('/api/v1/admin/regions/AM26/settings').set(auth(admin)).send({ ...settings, autoAssignTeams: [] }).expect(200);
    });
  });

  describe('hand-offs, follow-ups, notes and contact details', () => {
    it('returns a hand-off with a reason; the case stays; an unanswered one becomes overdue for the coordinators', async () => {
      const { caseId } = await submit();
      const mob = await login(t.http, 'demo-mobiliteitsteam');
      const wsp = await login(t.http, 'demo-wsp');
      const handoff = (await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'Werkgeversvraag' }).expect(202)).body;
      await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'werkbedrijf', reason: 'nog een' }).expect(409);
      await request(t.http).post(`/api/v1/handoffs/${handoff.id}/return`).set(auth(wsp)).send({}).expect(422);
      const returned = await request(t.http).post(`/api/v1/handoffs/${handoff.id}/return`).set(auth(wsp)).send({ reason: 'Geen werkgever betrokken' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', responseReason: 'Geen werkgever betrokken' });
      await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(wsp)).expect(404);
      const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(mob)).expect(200);
      expect(detail.body).toMatchObject({ team: 'mobiliteitsteam', pendingHandoff: null });

      const second = (await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'werkbedrijf', reason: 'Toch doelgroep' }).expect(202)).body;
      const timers = t.worker!.get(CaseTimersService);
      expect(await timers.handoffDeadline({ handoffId: second.id }, new Date())).toBe('stale');
      expect(await timers.handoffDeadline({ handoffId: second.id }, new Date(Date.parse(second.respondBy) + 1000))).toBe('overdue');
      const overview = await request(t.http).get('/api/v1/overview/AM26').set(auth(coordinator)).expect(200);
      expect(overview.body.overdueHandoffs.map((h: { id: string }) => h.id)).toContain(second.id);
    });

    it('opens a linked follow-up case for a secondary route once a case worker confirms it', async () => {
      // P1 (doelgroepregister) + P10 (dismissal) → werkbedrijf with mobiliteitsteam as second track (C1).
      const { caseId, trackingCode } = await submit({
        role: 'worker', postcode: '5038', question: '',
        person: { targetGroupRegister: 'yes', dismissalRisk: 'yes' },
        consent: { processing: true, specialCategoryData: true },
      });
      const werkbedrijf = await login(t.http, 'demo-werkbedrijf');
      await request(t.http).post(`/api/v1/cases/${caseId}/follow-ups`).set(auth(werkbedrijf)).send({ team: 'wsp', reason: 'Werkgever erbij' }).expect(422);
      const followUp = await request(t.http).post(`/api/v1/cases/${caseId}/follow-ups`).set(auth(werkbedrijf)).send({ team: 'mobiliteitsteam', reason: 'Tweede spoor van werk naar werk' }).expect(201);
      expect(followUp.body).toMatchObject({ team: 'mobiliteitsteam', origin: 'follow_up', parentCaseId: caseId, status: 'new' });
      await request(t.http).post(`/api/v1/cases/${caseId}/follow-ups`).set(auth(werkbedrijf)).send({ team: 'mobiliteitsteam', reason: 'nogmaals' }).expect(409);
      const parent = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(werkbedrijf)).expect(200);
      expect(parent.body.followUps.map((c: { id: string }) => c.id)).toEqual([followUp.body.id]);

      // The werkbedrijf closes its case; the citizen still sees their question in progress at the mobiliteitsteam.
      await request(t.http).post(`/api/v1/cases/${caseId}/status`).set(auth(coordinator)).send({ status: 'closed', result: 'work_to_work' }).expect(200);
      const mob = await login(t.http, 'demo-mobiliteitsteam');
      await request(t.http).post('/api/v1/worklists/AM26/mobiliteitsteam/assignments').set(auth(coordinator))
        .send({ caseIds: [followUp.body.id], assigneeId: (await request(t.http).get('/api/v1/me').set(auth(mob))).body.id, reason: 'tweede spoor' }).expect(200);
      await request(t.http).post(`/api/v1/cases/${followUp.body.id}/status`).set(auth(mob)).send({ status: 'in_progress' }).expect(200);
      expect((await request(t.http).get(`/api/v1/intakes/${trackingCode}`)).body.status).toBe('in_progress');
    });

    it('keeps notes with the case and shows contact details only to the team that holds it', async () => {
      const { caseId } = await submit();
      const mob = await login(t.http, 'demo-mobiliteitsteam');
      await request(t.http).post(`/api/v1/cases/${caseId}/notes`).set(auth(mob)).send({ text: 'Voicemail ingesproken.' }).expect(201);
      const held = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(mob)).expect(200);
      expect(held.body.intake.contact).toEqual({ email: 'jan@example.nl', phone: '06 12345678' });
      expect(held.body.notes.map((n: { text: string }) => n.text)).toEqual(['Voicemail ingesproken.']);
      const byAdmin = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(admin)).expect(200);
      expect(byAdmin.body.intake.contact).toBeNull();
      await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set(auth(mob)).send({ team: 'wsp', reason: 'Werkgeversvraag' }).expect(202);
      const byReceiver = await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(await login(t.http, 'demo-wsp'))).expect(200);
      expect(byReceiver.body.intake.contact).toBeNull();
      expect(byReceiver.body.notes).toEqual([]);
    });
  });

  describe('audit, users and sign-in', () => {
    it('writes every read of personal data and every change to an append-only audit log that admins can query', async () => {
      const { caseId } = await submit();
      const mob = await login(t.http, 'demo-mobiliteitsteam');
      await request(t.http).get(`/api/v1/cases/${caseId}`).set(auth(mob)).set('X-Purpose', 'eerste contact').expect(200);
      await request(t.http).post(`/api/v1/cases/${caseId}/notes`).set(auth(mob)).send({ text: 'Gebeld.' }).expect(201);
      const log = await request(t.http).get(`/api/v1/admin/audit?caseId=${caseId}`).set(auth(admin)).expect(200);
      expect(log.body.map((e: { action: string }) => e.action)).toEqual(['case.note_added', 'case.read', 'case.created']);
      expect(log.body[1]).toMatchObject({ actorUsername: 'demo-mobiliteitsteam', reason: 'eerste contact', details: { contactShown: true } });
      await request(t.http).get(`/api/v1/admin/audit?caseId=${caseId}`).set(auth(coordinator)).expect(403);
      const reads = await request(t.http).get('/api/v1/admin/audit?action=audit.read').set(auth(admin)).expect(200);
      // Newest first: this very query, then the read of the case's entries.
      expect(reads.body[1]).toMatchObject({ actorUsername: 'demo-admin', details: { caseId } });
      await expect(db.query('UPDATE audit_log SET reason = NULL')).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    });

    it('lets admins manage users; passwords are argon2 hashes and never shown', async () => {
      const id = await createUser('piet.triage', ['triage']);
      const users = await request(t.http).get('/api/v1/admin/users').set(auth(admin)).expect(200);
      expect(users.body.find((u: { id: string }) => u.id === id)).toMatchObject({ username: 'piet.triage', role: 'case_worker', teams: ['triage'] });
      expect(JSON.stringify(users.body)).not.toMatch(/password|argon2/i);
      const [{ password_hash }] = await db.query<{ password_hash: string }[]>('SELECT password_hash FROM case_worker WHERE id = $1', [id]);
      expect(password_hash).toMatch(/^\$argon2id\$/);
      await request(t.http).post('/api/v1/admin/users').set(auth(admin)).send({ username: 'piet.triage', password: 'correct horse battery', role: 'case_worker', regionCodes: ['AM26'], teams: ['triage'] }).expect(409);
      await request(t.http).post('/api/v1/admin/users').set(auth(admin)).send({ username: 'kort', password: 'kort', role: 'case_worker', regionCodes: ['AM26'], teams: [] }).expect(422);
      await request(t.http).patch(`/api/v1/admin/users/${id}`).set(auth(admin)).send({ active: false }).expect(200);
      await request(t.http).post('/api/v1/auth/login').send({ username: 'piet.triage', password: 'correct horse battery' }).expect(401);
    });

    it('refuses an expired token and brakes password guessing', async () => {
      const expired = t.app.get(JwtService).sign({ sub: 'x', username: 'x', role: 'admin', regionCodes: [], teams: [] }, { expiresIn: '1ms' });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await request(t.http).get('/api/v1/me').set(auth(expired)).expect(401);
      for (let i = 0; i < 10; i += 1) await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-wsp', password: `guess-${i}` }).expect(401);
      const refused = await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-wsp', password: 'demo' }).expect(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      // Another username from the same address is not affected.
      await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-triage', password: 'demo' }).expect(200);
    });
  });
});
