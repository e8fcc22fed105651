// Rate limits of the anonymous endpoints and the login brake, on real Redis shared by two API processes. Clients are
// played with X-Forwarded-For from the loopback proxy (TRUST_PROXY=loopback); the limits are set small here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

const LIMITS = { intakesPerMinute: 3, statusPerMinute: 5, loginPerMinute: 3, loginMaxDelaySeconds: 2 };
const intake = { role: 'worker', postcode: '5038', question: 'Mijn bedrijf gaat reorganiseren.', consent: { processing: true } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Response = Awaited<ReturnType<ReturnType<typeof request>['get']>>;

/** A 429 as problem+json with a Retry-After in whole seconds; returns those seconds. */
function expectTooMany(response: Response): number {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ type: 'about:blank', title: 'Too many requests', status: 429, detail: expect.stringMatching(/try again in \d+ seconds?\.$/) });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  return retryAfter;
}

describe('rate limits per client address, shared through Redis (real PostgreSQL and Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  let lastOctet = 0;
  /** A client address no other test uses (TEST-NET-2). */
  const fresh = () => `198.51.100.${++lastOctet}`;
  const ask = (app: TestApp, from: string) => request(app.http).post('/api/v1/intakes').set('X-Forwarded-For', from).send(intake);
  const logIn = (from: string, username: string, password: string) =>
    request(a.http).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username, password });

  beforeAll(async () => {
    a = await startTestApp({ withWorker: false, rateLimits: LIMITS, trustProxy: 'loopback' });
    // A second API process on the same database, Redis and prefix, as a second replica would be.
    b = await startTestApp({ withWorker: false, rateLimits: LIMITS, trustProxy: 'loopback', databaseUrl: a.databaseUrl, queuePrefix: a.queuePrefix });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('answers an address over its intake limit with 429 problem+json and Retry-After; other addresses still get through', async () => {
    const from = fresh();
    for (let i = 0; i < LIMITS.intakesPerMinute; i++) await ask(a, from).expect(201);
    expectTooMany(await ask(a, from));
    // A request that would fail validation counts too, and is refused before it is validated.
    expectTooMany(await request(a.http).post('/api/v1/intakes').set('X-Forwarded-For', from).send({}));
    await ask(a, fresh()).expect(201);
  });

  it('limits status look-ups and previews per address', async () => {
    const trackingCode = (await ask(a, fresh()).expect(201)).body.trackingCode as string;
    const from = fresh();
    const look = (code: string) => request(a.http).get(`/api/v1/intakes/${code}`).set('X-Forwarded-For', from);
    for (let i = 0; i < LIMITS.statusPerMinute - 1; i++) await look(trackingCode).expect(200);
    await look('unknown-code').expect(404);
    expectTooMany(await look(trackingCode));
    await request(a.http).get(`/api/v1/intakes/${trackingCode}`).set('X-Forwarded-For', fresh()).expect(200);

    const previewFrom = fresh();
    const preview = () => request(a.http).post('/api/v1/intakes/preview').set('X-Forwarded-For', previewFrom).send(intake);
    for (let i = 0; i < 60; i++) await preview().expect(200);
    expectTooMany(await preview());
  });

  it('shares the counts between two API processes through Redis', async () => {
    const from = fresh();
    await ask(a, from).expect(201);
    await ask(b, from).expect(201);
    await ask(a, from).expect(201);
    expectTooMany(await ask(b, from));
    expectTooMany(await ask(a, from));
  });

  it('counts every address of one IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 address', async () => {
    await ask(a, '2001:db8:a:1::1').expect(201);
    await ask(b, '2001:db8:a:1:ffff:ffff:ffff:fffe').expect(201);
    await ask(a, '2001:0db8:000a:0001:0:0:0:abcd').expect(201);
    expectTooMany(await ask(b, '2001:db8:a:1:dead:beef:0:1'));
    // The neighbouring /64 is someone else.
    await ask(a, '2001:db8:a:2::1').expect(201);

    const v4 = fresh();
    await ask(a, `::ffff:${v4}`).expect(201);
    await ask(a, v4).expect(201);
    await ask(b, `::ffff:${v4}`).expect(201);
    expectTooMany(await ask(a, v4));
  });

  it('ignores X-Forwarded-For while TRUST_PROXY is off', async () => {
    // TRUST_PROXY unset: every request below comes from 127.0.0.1, whatever it claims.
    const direct = await startTestApp({ withWorker: false, rateLimits: LIMITS, databaseUrl: a.databaseUrl, queuePrefix: a.queuePrefix });
    try {
      for (let i = 0; i < LIMITS.intakesPerMinute; i++) await ask(direct, fresh()).expect(201);
      expectTooMany(await ask(direct, fresh()));
      expectTooMany(await request(direct.http).post('/api/v1/intakes').send(intake));
    } finally {
      await direct.close();
    }
  });

  it('keeps limiting in memory while Redis is away, and keeps accepting intakes up to the limit', async () => {
    const away = await startTestApp({ withWorker: false, rateLimits: LIMITS, databaseUrl: a.databaseUrl, queuePrefix: a.queuePrefix, redisUrl: 'redis://127.0.0.1:1' });
    try {
      for (let i = 0; i < LIMITS.intakesPerMinute; i++) await request(away.http).post('/api/v1/intakes').send(intake).expect(201);
      expectTooMany(await request(away.http).post('/api/v1/intakes').send(intake));
    } finally {
      await away.close();
    }
  });

  it('brakes failed logins per address across usernames; successful logins do not count', async () => {
    const guesser = fresh();
    for (let i = 0; i < LIMITS.loginPerMinute; i++) await logIn(guesser, `niemand-${i}`, 'raden').expect(401);
    expectTooMany(await logIn(guesser, 'demo-triage', 'demo'));
    await logIn(fresh(), 'demo-triage', 'demo').expect(200);

    const office = fresh();
    for (let i = 0; i < LIMITS.loginPerMinute + 2; i++) await logIn(office, 'demo-triage', 'demo').expect(200);
    await logIn(office, 'demo-triage', 'typfout').expect(401);
    await logIn(office, 'demo-triage', 'demo').expect(200);
  });

  it('slows down guessing one username from 20 addresses, no longer than the maximum delay, and lets the right password in after it', async () => {
    const guess = (password: string) => logIn(fresh(), 'demo-wsp', password);
    // 20 addresses at once: 10 failures go through, then each attempt has to wait for the one before.
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`raad-${i}`)));
    expect(first.filter((r) => r.status === 401)).toHaveLength(10);
    const slowed = first.filter((r) => r.status === 429);
    expect(slowed).toHaveLength(10);
    expect(slowed.map(expectTooMany)).toEqual(Array(10).fill(1));
    expect(slowed[0].body.detail).toMatch(/for this username/);

    // The owner, after the delay, from yet another address: in, and the count is cleared.
    await sleep(1000 + 200);
    await guess('demo').expect(200);
    const again = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(`opnieuw-${i}`)));
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(401));

    // Under a steady attack each wait doubles (1, 2, 4 … s) but never exceeds RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS (2 here).
    let wait = expectTooMany(await guess('nog-een'));
    expect(wait).toBe(1);
    for (let round = 0; round < 3; round++) {
      await sleep(wait * 1000 + 200);
      await guess(`ronde-${round}`).expect(401);
      wait = expectTooMany(await guess('meteen'));
      expect(wait).toBeLessThanOrEqual(LIMITS.loginMaxDelaySeconds);
    }
    await sleep(wait * 1000 + 200);
    await guess('demo').expect(200);
  });
});
