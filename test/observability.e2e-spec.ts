import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppLogger } from '#libs/observability';
import { JobName, OutboxRelay, QueueName } from '#libs/queue';
import { login, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Tilburg, bijstand: the werkbedrijf of Midden-Brabant (AM26). */
const QUESTION = 'Ik zit in de bijstand en wil graag weer aan het werk.';
const intake = {
  role: 'jobseeker',
  postcode: '5038 AB',
  question: QUESTION,
  person: { ageBand: '27_55', situation: 'unemployed', benefit: 'bijstand' },
  consent: { processing: true },
};

/** The value of one series in a Prometheus text exposition, or undefined when it is not there. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('observability: metrics, request ids, JSON logs, failed jobs (real PostgreSQL and Redis)', () => {
  const token = randomBytes(32).toString('base64');
  const output: string[] = [];
  let stdout: { mockRestore(): void };
  let t: TestApp;
  let db: DataSource;
  let admin: string;

  /** Every JSON line the app wrote to stdout so far. */
  const logLines = (): Record<string, unknown>[] =>
    output.join('').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    // The app logs to stdout; this file reads what it writes instead of printing it.
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    });
    t = await startTestApp({ env: { METRICS_TOKEN: token, LOG_LEVEL: 'debug' } });
    // As main.ts does: Nest's loggers (api and worker) write JSON lines through the app logger.
    t.app.useLogger(t.app.get(AppLogger));
    db = t.app.get(DataSource);
    admin = await login(t.http, 'demo-admin');
  });
  afterAll(async () => {
    await t?.close();
    stdout.mockRestore();
  });

  const scrape = () => request(t.http).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);

  it('scrapes /metrics: closed without the token, and the key series with sensible values', async () => {
    const submitted = await request(t.http).post('/api/v1/intakes').send(intake).expect(201);
    await waitForClassification(t.http, submitted.body.trackingCode);
    await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-admin', password: 'wrong' }).expect(401);
    // The case's deadline jobs follow its commit through the outbox: relay them now.
    await t.app.get(OutboxRelay).flush();

    const anonymous = await request(t.http).get('/metrics').expect(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.body.requestId).toBe(anonymous.headers['x-request-id']);
    await request(t.http).get('/metrics').set('Authorization', `Bearer ${token.slice(1)}`).expect(401);
    await request(t.http).get('/metrics').set('Authorization', token).expect(401);

    const response = await scrape();
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    // HTTP: the intake route by its template, with status 201.
    expect(sample(text, 'werkloket_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/intakes', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_http_request_duration_seconds_bucket', { method: 'POST', route: '/api/v1/intakes', status: '201', le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_http_request_duration_seconds_sum', { method: 'POST', route: '/api/v1/intakes', status: '201' })).toBeGreaterThan(0);
    // Every queue, every state.
    for (const queue of Object.values(QueueName)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(sample(text, 'werkloket_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
    }
    // The case's deadline jobs wait in Redis.
    expect(sample(text, 'werkloket_queue_jobs', { queue: 'case-timers', state: 'delayed' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_outbox_pending')).toBe(0);
    expect(sample(text, 'werkloket_outbox_oldest_pending_seconds')).toBe(0);
    expect(sample(text, 'werkloket_routing_backlog_oldest_seconds')).toBe(0);
    expect(sample(text, 'werkloket_routing_failed_intakes')).toBe(0);
    // Open cases per worklist: this one, and every other worklist at 0.
    expect(sample(text, 'werkloket_open_cases', { region: 'AM26', team: 'werkbedrijf' })).toBe(1);
    expect(sample(text, 'werkloket_open_cases', { region: 'AM26', team: 'wsp' })).toBe(0);
    expect(sample(text, 'werkloket_open_cases', { region: 'national', team: 'triage' })).toBe(0);
    expect(sample(text, 'werkloket_overdue_cases', { region: 'AM26', team: 'werkbedrijf' })).toBe(0);
    const [{ rules }] = await db.query<{ rules: string[] }[]>(`SELECT classification->'firedRules' AS rules FROM intake WHERE tracking_code = $1`, [submitted.body.trackingCode]);
    for (const rule of rules) expect(sample(text, 'werkloket_classifications_total', { rule, route: 'werkbedrijf' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_intakes_classified_total', { region: 'AM26', route: 'werkbedrijf' })).toBe(1);
    expect(sample(text, 'werkloket_login_failures_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_jobs_total', { queue: 'routing', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'werkloket_metrics_source_up', { source: 'postgres' })).toBe(1);
    expect(sample(text, 'werkloket_metrics_source_up', { source: 'redis' })).toBe(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    // The status look-up is labelled by its template: no tracking code in any label.
    await request(t.http).get(`/api/v1/intakes/${submitted.body.trackingCode}`).expect(200);
    const after = (await scrape()).text;
    expect(sample(after, 'werkloket_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/intakes/{trackingCode}', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(submitted.body.trackingCode);
  });

  it('serves /metrics on METRICS_PORT instead of the main port when it is set, with the token there too', async () => {
    const port = await freePort();
    const separate = await startTestApp({ withWorker: false, databaseUrl: t.databaseUrl, queuePrefix: t.queuePrefix, env: { METRICS_TOKEN: token, METRICS_PORT: String(port), LOG_LEVEL: 'debug' } });
    try {
      await request(separate.http).get('/metrics').set('Authorization', `Bearer ${token}`).expect(404);
      const closed = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(closed.status).toBe(401);
      const open = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(open.status).toBe(200);
      const text = await open.text();
      expect(sample(text, 'werkloket_open_cases', { region: 'AM26', team: 'werkbedrijf' })).toBe(1);
      expect(sample(text, 'werkloket_queue_jobs', { queue: 'routing', state: 'failed' })).toBe(0);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await separate.close();
    }
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it('names the request id in every problem+json answer: the X-Request-Id sent, or a fresh one, also in the response header', async () => {
    const unauthenticated = await request(t.http).get(`/api/v1/cases/${randomUUID()}`).set('X-Request-Id', 'support-ticket-42').expect(401);
    expect(unauthenticated.body).toMatchObject({ status: 401, requestId: 'support-ticket-42' });
    expect(unauthenticated.headers['x-request-id']).toBe('support-ticket-42');

    const invalid = await request(t.http).post('/api/v1/intakes').set('X-Request-Id', 'x'.repeat(129)).send({ ...intake, postcode: 'nope' }).expect(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.body.requestId).toMatch(UUID);
    expect(invalid.headers['x-request-id']).toBe(invalid.body.requestId);

    // Refused by the body parser, before any route: still named.
    const tooLarge = await request(t.http).post('/api/v1/intakes').set('X-Request-Id', 'too-large-1').send({ ...intake, question: 'a'.repeat(40_000) }).expect(413);
    expect(tooLarge.body).toMatchObject({ status: 413, requestId: 'too-large-1' });

    const notFound = await request(t.http).get('/api/v1/nothing-here').set('X-Request-Id', 'lost-1').expect(404);
    expect(notFound.body.requestId).toBe('lost-1');
    // Successful answers carry the header too.
    expect((await request(t.http).get('/health/live').set('X-Request-Id', 'probe-1').expect(200)).headers['x-request-id']).toBe('probe-1');
  });

  it('writes JSON lines with the request id, job lines with the job id and intake id, and no personal data', async () => {
    const submitted = await request(t.http).post('/api/v1/intakes').set('X-Request-Id', 'log-test-intake').send(intake).expect(201);
    await waitForClassification(t.http, submitted.body.trackingCode);
    const [{ id: intakeId }] = await db.query<{ id: string }[]>('SELECT id FROM intake WHERE tracking_code = $1', [submitted.body.trackingCode]);
    await request(t.http).post('/api/v1/auth/login').set('X-Request-Id', 'log-test-login').send({ username: 'demo-admin', password: 'wrong again' }).expect(401);

    // The relay sends routing jobs in batches: the line names the batch job and its intakes.
    const routed = await eventually('the routing log line', () =>
      Promise.resolve(logLines().find((line) => line.context === 'RoutingService' && typeof line.msg === 'string' && line.msg.includes(intakeId))));
    expect(routed).toMatchObject({ level: 'debug', queue: 'routing', jobName: JobName.RouteIntakes, jobId: expect.stringMatching(/^route-intakes-/), intakeIds: expect.stringContaining(intakeId) });
    const lines = logLines();
    expect(lines.find((line) => line.requestId === 'log-test-intake')).toMatchObject({ level: 'debug', msg: 'request', method: 'POST', route: '/api/v1/intakes', status: 201 });
    expect(lines.find((line) => line.requestId === 'log-test-login')).toMatchObject({ level: 'info', route: '/api/v1/auth/login', status: 401 });
    for (const line of lines) expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    // Neither the question, nor the postcode, nor the tracking code, nor a password.
    const everything = output.join('');
    for (const secret of [QUESTION, 'bijstand', '5038 AB', submitted.body.trackingCode, 'wrong again', token]) expect(everything).not.toContain(secret);
  });

  it('lists failed jobs to admins and runs them again: one by id once its fault is gone, or all of a queue (audited, logged with the request id)', async () => {
    const routing = t.app.get<Queue>(getQueueToken(QueueName.Routing));
    // A fault that hits one region only: its cases cannot be stored.
    await db.query(`CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case store refused'; END $$`);
    await db.query(`CREATE TRIGGER refuse_case BEFORE INSERT ON "case" FOR EACH ROW WHEN (NEW.region_code = 'AM26') EXECUTE FUNCTION refuse_case()`);
    const broken = await request(t.http).post('/api/v1/intakes').send({ ...intake, question: 'Ik wil graag weer aan het werk, ik heb bijstand.' }).expect(201);
    const [{ id: intakeId }] = await db.query<{ id: string }[]>('SELECT id FROM intake WHERE tracking_code = $1', [broken.body.trackingCode]);
    // Its own job retries with backoff for a while; these two get one attempt each, so they fail for good at once.
    const once = { attempts: 1, removeOnFail: false };
    const brokenJob = await routing.add(JobName.RouteIntake, { intakeId }, { ...once, jobId: `manual-${intakeId}` });
    const unknownJob = await routing.add(JobName.RouteIntake, { intakeId: randomUUID() }, { ...once, jobId: `unknown-${randomUUID()}` });

    const list = (query = '?queue=routing') => request(t.http).get(`/api/v1/admin/jobs/failed${query}`).set('Authorization', `Bearer ${admin}`).expect(200);
    const failed = await eventually('both jobs failing', async () => {
      const { body } = await list();
      const ours = (body.jobs as { id: string }[]).filter((job) => job.id === brokenJob.id || job.id === unknownJob.id);
      return ours.length === 2 ? (body as { total: number; jobs: Record<string, any>[] }) : undefined;
    });
    expect(failed.total).toBeGreaterThanOrEqual(2);
    const shown = failed.jobs.find((job) => job.id === brokenJob.id);
    expect(shown).toEqual({
      queue: 'routing', id: brokenJob.id, name: JobName.RouteIntake, data: { intakeId }, attemptsMade: 1,
      failedReason: expect.stringContaining('case store refused'), failedAt: expect.any(String), createdAt: expect.any(String),
    });
    const unknownBefore = failed.jobs.find((job) => job.id === unknownJob.id);
    expect(unknownBefore?.failedReason).toContain('does not exist');
    expect((await list('')).body.jobs.map((job: { id: string }) => job.id)).toEqual(expect.arrayContaining([brokenJob.id, unknownJob.id]));
    expect(sample((await scrape()).text, 'werkloket_queue_jobs', { queue: 'routing', state: 'failed' })).toBeGreaterThanOrEqual(2);
    await request(t.http).get('/api/v1/admin/jobs/failed?queue=nope').set('Authorization', `Bearer ${admin}`).expect(422);

    // The fault is repaired; the admin sends the broken intake's job round again.
    await db.query('DROP TRIGGER refuse_case ON "case"');
    const retried = await request(t.http).post('/api/v1/admin/jobs/failed/retry').set('Authorization', `Bearer ${admin}`).set('X-Request-Id', 'retry-by-id')
      .send({ queue: 'routing', jobIds: [brokenJob.id, 'no-such-job'] }).expect(200);
    expect(retried.body).toEqual({ retried: 1 });
    expect(await waitForClassification(t.http, broken.body.trackingCode)).toMatchObject({ status: 'routed' });
    await eventually('the retried job completing', async () => ((await routing.getJobState(brokenJob.id!)) === 'completed' ? true : undefined));

    // All of the queue: the job for an intake that does not exist runs again, attempts starting over, and fails again.
    const all = await request(t.http).post('/api/v1/admin/jobs/failed/retry').set('Authorization', `Bearer ${admin}`).send({ queue: 'routing' }).expect(200);
    expect(all.body.retried).toBeGreaterThanOrEqual(1);
    const again = await eventually('the unknown job failing again', async () => {
      const job = ((await list()).body.jobs as Record<string, any>[]).find((j) => j.id === unknownJob.id);
      return job && Date.parse(job.failedAt) > Date.parse(unknownBefore?.failedAt) ? job : undefined;
    });
    expect(again.attemptsMade).toBe(1);
    expect((await list()).body.jobs.map((job: { id: string }) => job.id)).not.toContain(brokenJob.id);

    const audit = await db.query<{ details: Record<string, unknown> }[]>(`SELECT details FROM audit_log WHERE action = 'jobs.retried' ORDER BY id`);
    expect(audit.map((entry) => entry.details)).toEqual([
      { queue: 'routing', jobIds: [brokenJob.id, 'no-such-job'], retried: 1 },
      { queue: 'routing', jobIds: 'all', retried: all.body.retried },
    ]);
    // The admin's action is on the log, with the request's id.
    expect(logLines().find((line) => line.context === 'FailedJobsController')).toMatchObject({ level: 'info', requestId: 'retry-by-id' });
  });
});
