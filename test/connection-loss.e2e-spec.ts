import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app.js';

const intake = { role: 'jobseeker', postcode: '5038', question: 'Ik zoek werk als kok, kunnen jullie mij helpen?', person: { benefit: 'other' }, consent: { processing: true } };

describe('database connections killed during requests: a 503 with Retry-After, never a 500, nothing accepted lost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every intake with 201 or 503 while the backends serving them are terminated', async () => {
    const killer = new Client({ connectionString: t.databaseUrl });
    await killer.connect();
    const database = new URL(t.databaseUrl).pathname.slice(1);
    let killing = true;
    let killed = 0;
    // Terminates the api's connections again and again, so some die mid-query and some mid-commit.
    const kills = (async () => {
      while (killing) {
        const result = await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
        killed += result.rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      }
    })();

    const answers: { status: number; retryAfter: string | undefined; type: string | undefined }[] = [];
    try {
      for (let round = 0; round < 20; round++) {
        const batch = await Promise.all(Array.from({ length: 15 }, () => request(t.http).post('/api/v1/intakes').send(intake)));
        answers.push(...batch.map((r) => ({ status: r.status, retryAfter: r.headers['retry-after'], type: r.headers['content-type'] })));
      }
    } finally {
      killing = false;
      await kills;
    }

    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.retryAfter).toBeDefined();
      expect(a.type).toContain('application/problem+json');
    }
    expect(killed).toBeGreaterThan(0);
    // Every 201 is stored (a 503 says it was not; a commit may still have landed just before the cut).
    const accepted = answers.filter((a) => a.status === 201).length;
    const [{ n }] = (await killer.query<{ n: string }>('SELECT count(*) AS n FROM intake')).rows;
    expect(Number(n)).toBeGreaterThanOrEqual(accepted);
    await killer.end();
    // And the api recovers: the next intake is accepted.
    await request(t.http).post('/api/v1/intakes').send(intake).expect(201);
  });
});
