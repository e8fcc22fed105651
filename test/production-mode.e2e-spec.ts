import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('production mode', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ production: true });
  });
  afterAll(async () => t.close());

  it('runs the migrations but creates no demo accounts', async () => {
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM case_worker');
    expect(Number(n)).toBe(0);
    const [{ regions }] = await db.query<{ regions: string }[]>('SELECT count(*) AS regions FROM region');
    expect(Number(regions)).toBe(35);
    await request(t.http).post('/api/v1/auth/login').send({ username: 'demo-admin', password: 'demo' }).expect(401);
  });
});
