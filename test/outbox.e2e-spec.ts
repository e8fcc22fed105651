import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseSweepsService } from '#libs/cases';
import { startTestApp, waitForClassification, type TestApp } from './support/test-app.js';

describe('an accepted intake is never lost, even while Redis is down', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('accepts with 201 while Redis is unreachable and routes the intake once Redis is back', async () => {
    // An API whose Redis is a closed port: the intake and its outbox row still commit.
    const down = await startTestApp({ redisUrl: 'redis://127.0.0.1:1', withWorker: false });
    apps.push(down);
    const response = await request(down.http)
      .post('/api/v1/intakes')
      .send({ role: 'worker', postcode: '5038', question: 'Mijn bedrijf gaat reorganiseren.', consent: { processing: true } })
      .expect(201);
    await request(down.http).get('/health').expect(503);
    const db = down.app.get(DataSource);
    const [pending, ...others] = await db.query<{ job_id: string; dispatched_at: Date | null }[]>('SELECT job_id, dispatched_at FROM outbox');
    expect(others).toEqual([]);
    expect(pending.dispatched_at).toBeNull();
    const pendingJobId = pending.job_id;

    // The same database with a working Redis: the relay delivers the row, the worker routes it.
    const up = await startTestApp({ databaseUrl: down.databaseUrl, queuePrefix: down.queuePrefix });
    apps.unshift(up);
    const status = await waitForClassification(up.http, response.body.trackingCode);
    expect(status.classification).toMatchObject({ level: 'middle', route: 'mobiliteitsteam' });
    expect(status.caseReference).toEqual(expect.any(String));
    const [delivered] = await db.query<{ dispatched_at: Date | null }[]>('SELECT dispatched_at FROM outbox WHERE job_id = $1', [pendingJobId]);
    expect(delivered.dispatched_at).not.toBeNull();

    // A week after delivery the row is history: the sweep prunes it, and says how many it pruned.
    const sweeps = up.app.get(CaseSweepsService);
    expect(await sweeps.pruneOutbox(new Date())).toBe(0);
    // The routing wrote the case's first deadline job into the outbox too: count once the relays have delivered it.
    const count = async (where: string) => Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM outbox WHERE ${where}`))[0].n);
    const deadline = Date.now() + 10_000;
    while ((await count('dispatched_at IS NULL')) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count('dispatched_at IS NULL')).toBe(0);
    const rows = await count('dispatched_at IS NOT NULL');
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(await sweeps.pruneOutbox(new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBe(rows);
  });
});
