import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import demoIntakes from '../apps/api/src/demo/demo-intakes.json' with { type: 'json' };
import { startTestApp, type TestApp } from './support/test-app.js';

const count = async (t: TestApp, table: string) => Number((await t.app.get(DataSource).query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe('demo mode and production mode', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('in demo mode seeds the demo accounts and the sample questions once, however often it starts', async () => {
    const first = await startTestApp({ demoCases: true });
    apps.push(first);
    await request(first.http).post('/api/v1/auth/login').send({ username: 'demo-coordinator', password: 'demo' }).expect(200);
    expect(await count(first, 'intake')).toBe(39);
    expect(await count(first, 'case_worker')).toBe(6);
    const again = await startTestApp({ demoCases: true, databaseUrl: first.databaseUrl, queuePrefix: first.queuePrefix });
    apps.push(again);
    expect(await count(again, 'intake')).toBe(39);
    expect(await count(again, 'case_worker')).toBe(6);
  });

  it('the seeded samples cannot be found by guessing their Idempotency-Key with the public sample body', async () => {
    const [t] = apps;
    const sample = demoIntakes[0] as Record<string, unknown>;
    const guessed = await request(t.http).post('/api/v1/intakes').set('Idempotency-Key', 'demo-0').send({ country: 'NL', question: '', ...sample }).expect(201);
    const seeded = await t.app.get(DataSource).query<{ tracking_code: string }[]>(`SELECT tracking_code FROM intake WHERE idempotency_key IS DISTINCT FROM 'demo-0'`);
    expect(seeded.map((row) => row.tracking_code)).not.toContain(guessed.body.trackingCode);
    expect(await count(t, 'intake')).toBe(40);
  });

  it('in production runs the migrations but creates no demo accounts and no demo cases', async () => {
    const t = await startTestApp({ production: true });
    apps.push(t);
    expect(await count(t, 'case_worker')).toBe(0);
    expect(await count(t, 'intake')).toBe(0);
    expect(await count(t, 'region')).toBe(35);
    await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-admin', password: 'demo' }).expect(401);
  });
});
