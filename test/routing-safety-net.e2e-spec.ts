import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import { redisKeyPrefix } from '#libs/queue';
import { RoutingService } from '#libs/routing';
import { login, REDIS_URL, startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

const question = { role: 'worker', postcode: '5038', question: 'Mijn bedrijf gaat reorganiseren en ik wil weten wat ik kan doen.', consent: { processing: true } };

describe('the routing safety net: lost jobs are routed, broken intakes are parked and retried (real PostgreSQL and Redis)', () => {
  const apps: TestApp[] = [];
  const saved = { ...process.env };
  afterAll(async () => {
    for (const app of apps) await app.close();
    process.env = saved;
  });

  it('routes an intake whose job was lost with Redis, from the timer in the worker, without anyone calling the sweep', async () => {
    process.env.SWEEP_INTERVAL_MS = '300';
    process.env.ROUTING_STRAGGLER_MS = '1000';
    // An API without a worker: the job reaches Redis but nobody takes it.
    const api = await startTestApp({ withWorker: false });
    apps.push(api);
    const { body } = await request(api.http).post('/api/v1/intakes').send(question).expect(201);
    const db = api.app.get(DataSource);
    for (let i = 0; i < 50; i++) {
      const [row] = await db.query<{ dispatched_at: Date | null }[]>('SELECT dispatched_at FROM outbox');
      if (row?.dispatched_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Redis loses everything (a flush, a failover without persistence).
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${redisKeyPrefix(api.queuePrefix)}:*`);
    expect(keys.length).toBeGreaterThan(0);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();

    const withWorker = await startTestApp({ databaseUrl: api.databaseUrl, queuePrefix: api.queuePrefix });
    apps.unshift(withWorker);
    const status = await waitForClassification(api.http, body.trackingCode, 20_000);
    expect(status).toMatchObject({ status: 'routed', caseReference: expect.any(String) });
    const cases = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM "case"');
    expect(Number(cases[0].n)).toBe(1);
  });

  describe('an intake that keeps failing to route', () => {
    let t: TestApp;
    let db: DataSource;
    let admin: string;
    beforeAll(async () => {
      process.env.SWEEP_INTERVAL_MS = '600000';
      t = await startTestApp({ withWorker: false });
      apps.push(t);
      db = t.app.get(DataSource);
      admin = await login(t.http, 'demo-admin');
    });

    it('is retried with backoff, parked as routing_failed, shown to the admin and on /health/ready, and routed once retried', async () => {
      await request(t.http).get('/health/ready').expect(200).expect((r) => expect(r.body.status).toBe('ok'));
      // A fault that only hits this intake's region: opening its case fails, every time.
      await db.query(`CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case store refused'; END $$`);
      await db.query(`CREATE TRIGGER refuse_case BEFORE INSERT ON "case" FOR EACH ROW WHEN (NEW.region_code = 'AM26') EXECUTE FUNCTION refuse_case()`);
      const broken = await request(t.http).post('/api/v1/intakes').send(question).expect(201);
      const healthy = await request(t.http).post('/api/v1/intakes').send({ ...question, postcode: '1012' }).expect(201);
      await db.query(`UPDATE intake SET received_at = now() - interval '10 minutes'`);

      const routing = t.app.get(RoutingService);
      const first = await routing.routeStragglers(60_000, { maxAttempts: 3 });
      // The healthy intake behind it is routed; the broken one failed once and waits.
      expect(first).toMatchObject({ routed: 1, failed: 1, givenUp: 0 });
      expect((await request(t.http).get(`/api/v1/intakes/${healthy.body.trackingCode}`).expect(200)).body.status).toBe('routed');
      const [waiting] = await db.query<{ routing_attempts: number; routing_retry_at: Date }[]>('SELECT routing_attempts, routing_retry_at FROM intake WHERE classification IS NULL');
      expect(waiting.routing_attempts).toBe(1);
      expect(waiting.routing_retry_at.getTime()).toBeGreaterThan(Date.now());
      // Within its backoff the next sweep leaves it alone.
      expect(await routing.routeStragglers(60_000, { maxAttempts: 3 })).toMatchObject({ routed: 0, failed: 0 });

      for (let attempt = 2; attempt <= 3; attempt++) {
        await db.query('UPDATE intake SET routing_retry_at = now() WHERE classification IS NULL');
        const report = await routing.routeStragglers(60_000, { maxAttempts: 3 });
        expect(report).toMatchObject({ failed: 1, givenUp: attempt === 3 ? 1 : 0 });
      }
      // Given up: no more attempts, whatever the sweep does.
      await db.query('UPDATE intake SET routing_retry_at = now() WHERE classification IS NULL');
      expect(await routing.routeStragglers(60_000, { maxAttempts: 3 })).toMatchObject({ failed: 0 });

      const failures = await request(t.http).get('/api/v1/admin/routing-failures').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(failures.body).toEqual([expect.objectContaining({ regionCode: 'AM26', attempts: 3, error: expect.stringContaining('case store refused') })]);
      expect(JSON.stringify(failures.body)).not.toContain('reorganiseren');
      const ready = await request(t.http).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'degraded', routingFailures: 1 });
      expect(ready.body.reasons.join(' ')).toContain('routing_failed');
      // The citizen's status still says it is received: nothing is lost.
      expect((await request(t.http).get(`/api/v1/intakes/${broken.body.trackingCode}`).expect(200)).body.status).toBe('received');

      // Retried while the fault is still there: back on the list at once.
      const again = await request(t.http).post('/api/v1/admin/routing-failures/retry').set('Authorization', `Bearer ${admin}`).send({}).expect(200);
      expect(again.body).toEqual({ routed: 0, stillFailing: 1 });
      await db.query('DROP TRIGGER refuse_case ON "case"');
      const fixed = await request(t.http).post('/api/v1/admin/routing-failures/retry').set('Authorization', `Bearer ${admin}`).send({ intakeIds: [failures.body[0].intakeId] }).expect(200);
      expect(fixed.body).toEqual({ routed: 1, stillFailing: 0 });
      expect((await request(t.http).get(`/api/v1/intakes/${broken.body.trackingCode}`).expect(200)).body).toMatchObject({ status: 'routed', caseReference: expect.any(String) });
      expect((await request(t.http).get('/api/v1/admin/routing-failures').set('Authorization', `Bearer ${admin}`).expect(200)).body).toEqual([]);
      const audit = await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log WHERE action = 'routing.retried'`);
      expect(Number(audit[0].n)).toBe(2);
    });

    it('refuses a retry request that names no valid intakes, and keeps the list for admins', async () => {
      const bad = await request(t.http).post('/api/v1/admin/routing-failures/retry').set('Authorization', `Bearer ${admin}`).send({ intakeIds: ['not-a-uuid'] }).expect(422);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(bad.body)).toContain('intakeIds');
      const caseWorker = await login(t.http, 'demo-wsp');
      await request(t.http).get('/api/v1/admin/routing-failures').set('Authorization', `Bearer ${caseWorker}`).expect(403);
      await request(t.http).get('/api/v1/admin/routing-failures').expect(401);
    });

    it('answers /health/live always, and /health/ready as degraded (not down) when the backlog is old', async () => {
      await request(t.http).get('/health/live').expect(200, { status: 'ok' });
      await request(t.http).post('/api/v1/intakes').send(question).expect(201);
      await db.query(`UPDATE intake SET received_at = now() - interval '1 hour' WHERE classification IS NULL`);
      const ready = await request(t.http).get('/health/ready').expect(200);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.oldestUnroutedSeconds).toBeGreaterThanOrEqual(3600);
      expect(ready.body.reasons.join(' ')).toContain('backlog');
    });
  });

  it('says ready but degraded while Redis is down, because intakes are still accepted', async () => {
    const down = await startTestApp({ redisUrl: 'redis://127.0.0.1:1', withWorker: false });
    apps.push(down);
    const ready = await request(down.http).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'degraded', redis: 'down' });
    await request(down.http).get('/health').expect(503);
  });
});
