import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

/**
 * Every protected endpoint against every kind of caller. "ok" means access was granted: the answer is whatever the
 * business rules say (2xx, 409, 422), never 401/403/404. The bodies are chosen so that granted calls change
 * nothing that later rows depend on.
 */
type Expect = 'ok' | 401 | 403 | 404;
type Caller = 'anonymous' | 'team' | 'otherTeam' | 'otherRegion' | 'coordinator' | 'otherCoordinator' | 'analyst' | 'admin' | 'receiver';

describe('access control matrix (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  const tokens: Partial<Record<Caller, string>> = {};
  let caseId = '';
  let handoffId = '';
  let userId = '';

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    const admin = await login(t.http, 'demo-admin');
    const create = async (username: string, role: string, regionCodes: string[], teams: string[]) =>
      request(t.http).post('/api/v1/admin/users').set({ Authorization: `Bearer ${admin}` })
        .send({ username, password: 'correct horse battery', role, regionCodes, teams }).expect(201);
    await create('wsp.am25', 'case_worker', ['AM25'], ['wsp']);
    await create('lead.am25', 'coordinator', ['AM25'], ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage']);
    userId = (await create('analyst.am26', 'analyst', ['AM26'], [])).body.id as string;
    tokens.team = await login(t.http, 'demo-wsp');
    tokens.otherTeam = await login(t.http, 'demo-werkbedrijf');
    tokens.receiver = await login(t.http, 'demo-triage');
    tokens.otherRegion = await login(t.http, 'wsp.am25', 'correct horse battery');
    tokens.coordinator = await login(t.http, 'demo-coordinator');
    tokens.otherCoordinator = await login(t.http, 'lead.am25', 'correct horse battery');
    tokens.analyst = await login(t.http, 'analyst.am26', 'correct horse battery');
    tokens.admin = admin;

    // A WSP case in AM26, claimed by demo-wsp, with a hand-off pending to the werkbedrijf.
    const intake = await request(t.http).post('/api/v1/intakes')
      .send({ role: 'employer', postcode: '5038', question: 'Wij zoeken een monteur.', employer: { requestType: 'vacancy_general' }, consent: { processing: true } })
      .expect(201);
    await waitForClassification(t.http, intake.body.trackingCode);
    [{ id: caseId }] = await db.query<{ id: string }[]>('SELECT c.id FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE i.tracking_code = $1', [intake.body.trackingCode]);
    await request(t.http).post('/api/v1/worklists/AM26/wsp/claim').set({ Authorization: `Bearer ${tokens.team}` }).expect(200);
    handoffId = (await request(t.http).post(`/api/v1/cases/${caseId}/transfer`).set({ Authorization: `Bearer ${tokens.team}` })
      .send({ team: 'triage', reason: 'Hoort dit bij ons?' }).expect(202)).body.id as string;
  });
  afterAll(async () => t.close());

  // receiver: the team a hand-off of the case is waiting for (it may look, not act).
  const callers: Caller[] = ['anonymous', 'team', 'otherTeam', 'receiver', 'otherRegion', 'coordinator', 'otherCoordinator', 'analyst', 'admin'];
  const row = (team: Expect, otherTeam: Expect, otherRegion: Expect, coordinator: Expect, otherCoordinator: Expect, analyst: Expect, admin: Expect, receiver: Expect = otherTeam) =>
    ({ anonymous: 401, team, otherTeam, receiver, otherRegion, coordinator, otherCoordinator, analyst, admin }) as Record<Caller, Expect>;

  const endpoints: [string, 'get' | 'post' | 'put' | 'patch', () => string, () => object | undefined, Record<Caller, Expect>][] = [
    ['who am I', 'get', () => '/api/v1/me', () => undefined, row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')],
    ['availability', 'put', () => '/api/v1/me/availability', () => ({ available: true }), row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')],
    ['worklist', 'get', () => '/api/v1/worklists/AM26/wsp/cases', () => undefined, row('ok', 403, 403, 'ok', 403, 403, 'ok')],
    ['worklist hand-offs', 'get', () => '/api/v1/worklists/AM26/wsp/handoffs', () => undefined, row('ok', 403, 403, 'ok', 403, 403, 'ok')],
    ['receiving hand-offs', 'get', () => '/api/v1/worklists/AM26/triage/handoffs', () => undefined, row(403, 403, 403, 'ok', 403, 403, 'ok', 'ok')],
    ['claim (empty list)', 'post', () => '/api/v1/worklists/AM26/wsp/claim', () => undefined, row('ok', 403, 403, 'ok', 403, 403, 'ok')],
    ['assign', 'post', () => '/api/v1/worklists/AM26/wsp/assignments', () => ({ caseIds: ['00000000-0000-4000-8000-000000000000'], assigneeId: null, reason: 'matrix' }), row(403, 403, 403, 'ok', 403, 403, 'ok')],
    ['case detail', 'get', () => `/api/v1/cases/${caseId}`, () => undefined, row('ok', 404, 404, 'ok', 404, 404, 'ok', 'ok')],
    ['status', 'post', () => `/api/v1/cases/${caseId}/status`, () => ({ status: 'closed' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['transfer', 'post', () => `/api/v1/cases/${caseId}/transfer`, () => ({ team: 'wsp', reason: 'same list' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['note', 'post', () => `/api/v1/cases/${caseId}/notes`, () => ({ text: 'matrix' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['follow-up', 'post', () => `/api/v1/cases/${caseId}/follow-ups`, () => ({ team: 'triage', reason: 'matrix' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['hand classification', 'post', () => `/api/v1/cases/${caseId}/classification`, () => ({ level: 'base', route: 'wsp', reason: 'matrix' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['reclassification', 'post', () => `/api/v1/cases/${caseId}/reclassification`, () => ({ level: 'base', route: 'wsp', reason: 'matrix' }), row('ok', 404, 404, 'ok', 404, 404, 'ok')],
    ['return hand-off', 'post', () => `/api/v1/handoffs/${handoffId}/return`, () => ({}), row(404, 404, 404, 'ok', 404, 404, 'ok', 'ok')],
    ['region overview', 'get', () => '/api/v1/overview/AM26', () => undefined, row(403, 403, 403, 'ok', 403, 403, 'ok')],
    ['classification report', 'get', () => '/api/v1/reports/classification?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['list users', 'get', () => '/api/v1/admin/users', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['create user', 'post', () => '/api/v1/admin/users', () => ({ username: 'x', password: 'short', role: 'admin', regionCodes: [], teams: [] }), row(403, 403, 403, 403, 403, 403, 'ok')],
    ['change user', 'patch', () => `/api/v1/admin/users/${userId}`, () => ({ available: true }), row(403, 403, 403, 403, 403, 403, 'ok')],
    ['region settings', 'get', () => '/api/v1/admin/regions/AM26/settings', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['change region settings', 'put', () => '/api/v1/admin/regions/AM26/settings', () => ({ baseRoute: 'kantine' }), row(403, 403, 403, 403, 403, 403, 'ok')],
    ['audit log', 'get', () => '/api/v1/admin/audit', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['audit chain check', 'get', () => '/api/v1/admin/audit/verify', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['routing failures', 'get', () => '/api/v1/admin/routing-failures', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['retry routing failures', 'post', () => '/api/v1/admin/routing-failures/retry', () => ({ intakeIds: ['00000000-0000-4000-8000-000000000000'] }), row(403, 403, 403, 403, 403, 403, 'ok')],
    ['failed jobs', 'get', () => '/api/v1/admin/jobs/failed?queue=routing', () => undefined, row(403, 403, 403, 403, 403, 403, 'ok')],
    ['retry failed jobs', 'post', () => '/api/v1/admin/jobs/failed/retry', () => ({ queue: 'routing', jobIds: ['no-such-job'] }), row(403, 403, 403, 403, 403, 403, 'ok')],
    ['rule suggestions', 'get', () => '/api/v1/reports/classification/suggestions?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['volume report', 'get', () => '/api/v1/reports/volume?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['timeliness report', 'get', () => '/api/v1/reports/timeliness?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['outcomes report', 'get', () => '/api/v1/reports/outcomes?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['hand-offs report', 'get', () => '/api/v1/reports/handoffs?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['trends report', 'get', () => '/api/v1/reports/trends?regionCode=AM26', () => undefined, row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
    ['ruleset replay', 'post', () => '/api/v1/analysis/replay', () => ({ regionCode: 'AM26', rulesetVersion: '1.0.0' }), row(403, 403, 403, 'ok', 403, 'ok', 'ok')],
  ];

  /** Open to anyone, on purpose (`@Public()`); everything else must be in the matrix above. */
  const publicOperations = [
    'POST /api/v1/intakes', 'POST /api/v1/intakes/preview', 'GET /api/v1/intakes/{trackingCode}', 'GET /api/v1/regions',
    'POST /api/v1/auth/login', 'POST /api/v1/auth/session', 'DELETE /api/v1/auth/session',
    'GET /health', 'GET /health/live', 'GET /health/ready',
  ];
  /** Protected, and tested on their own because they change what the rows above rely on. */
  const testedApart: Record<string, string> = {
    'POST /api/v1/auth/logout': 'test/sessions.e2e-spec.ts (it ends the caller\'s tokens)',
    'POST /api/v1/handoffs/{id}/accept': 'below: only the receiving team may accept (it moves the case)',
  };

  it('covers every operation of the API: a new route fails here until it is in the matrix or opened on purpose', async () => {
    const document = (await request(t.http).get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const inMatrix = (operation: string) => {
      const [method, template] = operation.split(' ');
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);
      return endpoints.some(([, m, path]) => m.toUpperCase() === method && pattern.test(path()));
    };
    const uncovered = operations.filter((op) => !inMatrix(op) && !publicOperations.includes(op) && !(op in testedApart));
    expect(uncovered).toEqual([]);
    // The list of public operations stays true: each still exists.
    for (const operation of publicOperations) expect(operations).toContain(operation);
  });

  it.each(endpoints)('%s', async (_name, method, path, body, expected) => {
    const outcomes: Partial<Record<Caller, number>> = {};
    for (const caller of callers) {
      let call = request(t.http)[method](path());
      if (caller !== 'anonymous') call = call.set({ Authorization: `Bearer ${tokens[caller]}` });
      const b = body();
      const response = await (b ? call.send(b) : call);
      outcomes[caller] = response.status;
      if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const judged = Object.fromEntries(callers.map((caller) => {
      const status = outcomes[caller]!;
      const verdict = [401, 403, 404, 500].includes(status) ? status : 'ok';
      return [caller, verdict];
    }));
    expect(judged).toEqual(Object.fromEntries(callers.map((caller) => [caller, expected[caller]])));
  });

  it('lets only the receiving team accept a hand-off', async () => {
    for (const caller of ['team', 'otherTeam', 'otherRegion', 'otherCoordinator', 'analyst'] as const) {
      await request(t.http).post(`/api/v1/handoffs/${handoffId}/accept`).set({ Authorization: `Bearer ${tokens[caller]}` }).send({}).expect(404);
    }
    await request(t.http).post(`/api/v1/handoffs/${handoffId}/accept`).send({}).expect(401);
    await request(t.http).post(`/api/v1/handoffs/${handoffId}/accept`).set({ Authorization: `Bearer ${tokens.receiver}` }).send({}).expect(200);
  });
});
