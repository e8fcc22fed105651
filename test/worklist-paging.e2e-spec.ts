import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, type TestApp } from './support/test-app.js';

const LIST = '/api/v1/worklists/AM26/werkbedrijf/cases';

interface Generated {
  urgent: boolean;
  /** null: no deadline. */
  due: string | null;
  created: string;
  status?: string;
  regionCode?: string;
  team?: string;
}

/**
 * The worklist's sort keys at their most awkward: urgent and not, runs of one deadline, one created_at for a
 * whole batch (only the id decides), created_at values apart by a microsecond within one millisecond (a
 * cursor rounded to JavaScript's milliseconds would repeat or skip them), cases without a deadline; and, to be left
 * out, closed cases and other worklists' cases.
 */
function generated(): Generated[] {
  const cases: Generated[] = [];
  for (let i = 0; i < 260; i++) {
    const urgent = i % 9 === 0;
    const due = i % 23 === 0 ? null : `2026-03-${String(2 + (i % 4)).padStart(2, '0')}T16:00:00Z`;
    // Batches of 13 share a created_at; every fifth batch lies a microsecond apart within one millisecond.
    const batch = Math.floor(i / 13);
    const created = batch % 5 === 0 ? `2026-02-20T09:00:00.123${String(100 + (i % 13)).padStart(3, '0')}Z` : `2026-02-${String(10 + (batch % 9)).padStart(2, '0')}T08:00:00.5Z`;
    cases.push({ urgent, due, created });
  }
  cases.push({ urgent: true, due: '2026-03-02T16:00:00Z', created: '2026-02-20T09:00:00Z', status: 'closed' });
  cases.push({ urgent: false, due: null, created: '2026-02-20T09:00:00Z', status: 'closed' });
  cases.push({ urgent: true, due: '2026-03-02T16:00:00Z', created: '2026-02-20T09:00:00Z', team: 'wsp' });
  cases.push({ urgent: false, due: '2026-03-02T16:00:00Z', created: '2026-02-20T09:00:00Z', regionCode: 'AM25' });
  return cases;
}

describe('the worklist a page at a time (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let worker = '';
  let coordinator = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let serial = 0;

  /** Cases as routing would have left them (an intake each), with the sort keys given; returns their ids. */
  async function insertCases(cases: Generated[]): Promise<string[]> {
    const ids: string[] = [];
    for (const c of cases) {
      serial += 1;
      const regionCode = c.regionCode ?? 'AM26';
      const team = c.team ?? 'werkbedrijf';
      const [{ id: intakeId }] = await db.query<{ id: string }[]>(
        `INSERT INTO intake (tracking_code, request_hash, received_at, role, country, region_code, consent, classified_at, classification)
         VALUES ($1, 'paging', $2, 'jobseeker', 'nl', $3, '{"processing": true}', $2, $4) RETURNING id`,
        [`PAGING${serial}`, c.created, regionCode, { level: 'top', route: team, rulesetVersion: '2.0.0', urgent: c.urgent, secondaryRoutes: [], referrals: [], firedRules: [], reasons: [] }],
      );
      const status = c.status ?? 'new';
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO "case" (intake_id, origin, region_code, team, level, status, result, urgent, clock_started_at, first_contact_due_at, close_due_at, next_due_at, created_at, updated_at, closed_at)
         VALUES ($1, 'routing', $2, $3, 'top', $4, $5, $6, $7, $8, $8, $9, $7, $7, $10) RETURNING id`,
        [intakeId, regionCode, team, status, status === 'closed' ? 'withdrawn' : null, c.urgent, c.created, c.due ?? '2026-04-01T16:00:00Z', status === 'closed' ? null : c.due, status === 'closed' ? c.created : null],
      );
      ids.push(id);
    }
    return ids;
  }

  /** The open cases of the worklist in the list's order, as the database sorts them. */
  async function expectedOrder(): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT id FROM "case" WHERE region_code = 'AM26' AND team = 'werkbedrijf' AND status <> 'closed'
       ORDER BY urgent DESC, next_due_at ASC NULLS LAST, created_at ASC, id ASC`,
    );
    return rows.map((row) => row.id);
  }

  /** Follows the Link headers from the first page to the last; `between` runs after each page. */
  async function walk(limit: number, between: (page: number) => Promise<void> = () => Promise.resolve()): Promise<{ ids: string[]; pages: request.Response[] }> {
    const pages: request.Response[] = [];
    let url: string | null = `${LIST}?limit=${limit}`;
    while (url !== null) {
      const page = await request(t.http).get(url).set(auth(worker)).expect(200);
      pages.push(page);
      expect(Array.isArray(page.body)).toBe(true);
      const link = page.headers.link as string | undefined;
      url = link === undefined ? null : /^<([^>]+)>; rel="next"$/.exec(link)![1];
      if (url !== null) {
        expect(page.body).toHaveLength(limit);
        expect(url).toBe(`${LIST}?limit=${limit}&cursor=${page.headers['x-next-cursor']}`);
      } else expect(page.headers['x-next-cursor']).toBeUndefined();
      await between(pages.length);
    }
    return { ids: pages.flatMap((page) => page.body.map((c: { id: string }) => c.id)), pages };
  }

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    db = t.app.get(DataSource);
    await insertCases(generated());
    worker = await login(t.http, 'demo-werkbedrijf');
    coordinator = await login(t.http, 'demo-coordinator');
  });
  afterAll(async () => t.close());

  it('pages in order cover every open case exactly once, with the total on the first page and the next page in Link and X-Next-Cursor', async () => {
    const expected = await expectedOrder();
    expect(expected).toHaveLength(260);
    for (const limit of [1, 7, 100]) {
      const { ids, pages } = await walk(limit);
      expect(ids).toEqual(expected);
      expect(pages).toHaveLength(Math.ceil(260 / limit));
      expect(pages[0].headers['x-total-count']).toBe('260');
      expect(pages.slice(1).map((page) => page.headers['x-total-count'])).toEqual(pages.slice(1).map(() => undefined));
    }

    // Without a limit: 100. With the largest, the whole list and no next page.
    const first = await request(t.http).get(LIST).set(auth(worker)).expect(200);
    expect(first.body.map((c: { id: string }) => c.id)).toEqual(expected.slice(0, 100));
    expect(first.headers.link).toBe(`<${LIST}?limit=100&cursor=${first.headers['x-next-cursor']}>; rel="next"`);
    const all = await request(t.http).get(`${LIST}?limit=500`).set(auth(worker)).expect(200);
    expect(all.body).toHaveLength(260);
    expect(all.headers).toMatchObject({ 'x-total-count': '260' });
    expect(all.headers.link).toBeUndefined();
    // Other worklists, and an empty one, keep to their own cases.
    const wsp = await request(t.http).get('/api/v1/worklists/AM26/wsp/cases?limit=1').set(auth(coordinator)).expect(200);
    expect(wsp.body).toHaveLength(1);
    expect(wsp.headers).toMatchObject({ 'x-total-count': '1' });
    expect(wsp.headers.link).toBeUndefined();
  });

  it('hands out no case twice and hides none when cases are claimed, closed and added between pages', async () => {
    const before = await expectedOrder();
    const { id: workerId } = (await request(t.http).get('/api/v1/me').set(auth(worker)).expect(200)).body as { id: string };
    const closed = [before[150], before[151], before[230]];
    const added: { early: string[]; later: string[] } = { early: [], later: [] };

    const { ids } = await walk(20, async (page) => {
      if (page === 1) {
        // Claiming takes the first new cases, which this page showed; their place in the list stays.
        for (let i = 0; i < 3; i++) expect((await request(t.http).post('/api/v1/worklists/AM26/werkbedrijf/claim').set(auth(worker)).expect(200)).body.assignedTo).toBe(workerId);
      }
      if (page === 2) {
        for (const id of closed) {
          await request(t.http).post(`/api/v1/cases/${id}/status`).set(auth(coordinator)).send({ status: 'closed', result: 'withdrawn' }).expect(200);
        }
        // New cases: one sorts before the pages read so far (seen on the next first page, not in this walk), two after.
        added.early = await insertCases([{ urgent: true, due: '2026-01-05T16:00:00Z', created: '2026-02-21T10:00:00Z' }]);
        added.later = await insertCases([
          { urgent: false, due: '2026-03-04T16:00:00Z', created: '2026-02-21T10:00:00.000001Z' },
          { urgent: false, due: null, created: '2026-02-28T10:00:00Z' },
        ]);
      }
    });

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of closed) expect(ids).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining([...before.filter((id) => !closed.includes(id)), ...added.later]));
    expect(ids).not.toContain(added.early[0]);
    // The walk is the database's order at its end, less the case added behind the cursor.
    const after = await expectedOrder();
    expect(ids).toEqual(after.filter((id) => id !== added.early[0]));
    const first = await request(t.http).get(`${LIST}?limit=1`).set(auth(worker)).expect(200);
    expect(first.body[0].id).toBe(added.early[0]);
    expect(first.headers['x-total-count']).toBe(String(before.length - closed.length + 3));
  });

  it('refuses a limit out of bounds and a cursor it did not make, as problem+json naming the field', async () => {
    const cursor = (await request(t.http).get(`${LIST}?limit=1`).set(auth(worker)).expect(200)).headers['x-next-cursor'];
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const tampered = Buffer.from(Buffer.from(cursor, 'base64url').toString('utf8').replace(/,/, ', ')).toString('base64url');
    const wrong: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=', 'limit'],
      ['limit=1&limit=2', 'limit'],
      ['cursor=', 'cursor'],
      ['cursor=nonsense', 'cursor'],
      [`cursor=${cursor.slice(0, -3)}`, 'cursor'],
      [`cursor=${tampered}`, 'cursor'],
      [`cursor=${cursor}&cursor=${cursor}`, 'cursor'],
      [`cursor=${'A'.repeat(5000)}`, 'cursor'],
      ['offset=100', 'offset'],
    ];
    for (const [query, field] of wrong) {
      const response = await request(t.http).get(`${LIST}?${query}`).set(auth(worker));
      expect({ query, status: response.status, type: response.headers['content-type'] }).toEqual({ query, status: 422, type: expect.stringContaining('application/problem+json') });
      expect({ query, body: response.body }).toMatchObject({ query, body: { status: 422, instance: LIST, errors: [{ field, message: expect.stringContaining(field) }] } });
    }
    await request(t.http).get(`${LIST}?limit=1&cursor=${cursor}`).set(auth(worker)).expect(200);
    await request(t.http).get(`${LIST}?limit=500`).set(auth(worker)).expect(200);
    // Paging does not open a worklist outside one's scope.
    await request(t.http).get(`/api/v1/worklists/AM26/wsp/cases?limit=1&cursor=${cursor}`).set(auth(worker)).expect(403);
  });

  it('answers a poll of an unchanged page 304, and 200 once only the total changed', async () => {
    const first = await request(t.http).get(`${LIST}?limit=5`).set(auth(worker)).expect(200);
    const etag = first.headers.etag;
    await request(t.http).get(`${LIST}?limit=5`).set(auth(worker)).set('If-None-Match', etag).expect(304);
    // A case far down the list: the first five stay as they were, the total does not.
    await insertCases([{ urgent: false, due: null, created: '2026-02-28T11:00:00Z' }]);
    const again = await request(t.http).get(`${LIST}?limit=5`).set(auth(worker)).set('If-None-Match', etag).expect(200);
    expect(again.body).toEqual(first.body);
    expect(Number(again.headers['x-total-count'])).toBe(Number(first.headers['x-total-count']) + 1);
  });
});
