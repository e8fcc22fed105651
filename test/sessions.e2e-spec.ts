import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

/** A token signed with the test app's secret, header and claims exactly as given (the way a forger would). */
function signed(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const body = `${encode(header)}.${encode(payload)}`;
  const algorithm = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return header.alg === 'none' ? `${body}.` : `${body}.${createHmac(algorithm, TEST_JWT_SECRET).update(body).digest('base64url')}`;
}

/** Tokens end when they should: at logout, on a password, role or scope change, on deactivation; forged ones never start. */
describe('sessions and tokens (real PostgreSQL)', () => {
  let t: TestApp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => request(t.http).get('/api/v1/me').set(auth(token));
  const userId = async (username: string) =>
    (await t.app.get(DataSource).query<{ id: string }[]>(`SELECT id FROM case_worker WHERE username = $1`, [username]))[0].id;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  });
  afterAll(async () => t.close());

  it('logout ends every token issued so far; a new login works', async () => {
    const first = await login(t.http, 'demo-wsp');
    const second = await login(t.http, 'demo-wsp');
    await me(first).expect(200);
    await request(t.http).post('/api/v1/auth/logout').set(auth(first)).expect(204);
    await me(first).expect(401);
    const refused = await me(second).expect(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await me(await login(t.http, 'demo-wsp')).expect(200);
    await request(t.http).post('/api/v1/auth/logout').expect(401);
  });

  it('a browser session that logs out is revoked, not only forgotten: a copied cookie stops working', async () => {
    const session = await request(t.http).post('/api/v1/auth/session').send({ username: 'demo-triage', password: 'demo' }).expect(200);
    const cookies = session.headers['set-cookie'] as unknown as string[];
    await request(t.http).get('/api/v1/me').set('Cookie', cookies).expect(200);
    await request(t.http).delete('/api/v1/auth/session').set('Cookie', cookies).expect(204);
    await request(t.http).get('/api/v1/me').set('Cookie', cookies).expect(401);
  });

  it('a password change, a role or scope change and deactivation then reactivation each end the old tokens', async () => {
    const admin = await login(t.http, 'demo-admin');
    const id = await userId('demo-mobiliteitsteam');
    const changes: Record<string, unknown>[] = [
      { password: 'a-new-password-for-mobi' },
      { teams: ['mobiliteitsteam', 'wsp'] },
      { regionCodes: ['AM26', 'AM18'] },
      { active: false },
    ];
    let password = 'demo';
    for (const change of changes) {
      const before = await login(t.http, 'demo-mobiliteitsteam', password);
      await me(before).expect(200);
      await request(t.http).patch(`/api/v1/admin/users/${id}`).set(auth(admin)).send(change).expect(200);
      await me(before).expect(401);
      if (typeof change.password === 'string') password = change.password;
    }
    await request(t.http).patch(`/api/v1/admin/users/${id}`).set(auth(admin)).send({ active: true }).expect(200);
    await me(await login(t.http, 'demo-mobiliteitsteam', 'a-new-password-for-mobi')).expect(200);
    // Changing nothing that matters (availability, capacity) keeps the session.
    const kept = await login(t.http, 'demo-mobiliteitsteam', 'a-new-password-for-mobi');
    await request(t.http).patch(`/api/v1/admin/users/${id}`).set(auth(admin)).send({ maxOpenCases: 12 }).expect(200);
    await me(kept).expect(200);
  });

  it('refuses validly signed tokens that the service would never issue: no exp, no iat, a sub that is no UUID, another algorithm, no version', async () => {
    const jwt = t.app.get(JwtService);
    const id = await userId('demo-admin');
    const claims = { sub: id, ver: 0, username: 'demo-admin', role: 'admin', regionCodes: [], teams: [] };
    const now = Math.floor(Date.now() / 1000);
    await me(jwt.sign(claims)).expect(200);
    await me(signed({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 })).expect(200);
    const forged = [
      jwt.sign({ ...claims, sub: 'not-a-uuid' }),
      jwt.sign({ ...claims, ver: undefined }),
      signed({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now }),
      signed({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now + 600 }),
      signed({ alg: 'HS512', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }),
      signed({ alg: 'none', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }),
    ];
    for (const token of forged) {
      const response = await me(token);
      expect({ token, status: response.status }).toEqual({ token, status: 401 });
    }
  });
});

describe('demo accounts in production', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('a database that ran in demo mode keeps no usable demo account once it starts in production', async () => {
    const demo = await startTestApp({ withWorker: false });
    apps.push(demo);
    const token = await login(demo.http, 'demo-admin');
    const production = await startTestApp({ withWorker: false, production: true, databaseUrl: demo.databaseUrl, queuePrefix: demo.queuePrefix });
    apps.push(production);
    await request(production.http).post('/api/v1/auth/login').send({ username: 'demo-admin', password: 'demo' }).expect(401);
    await request(production.http).get('/api/v1/me').set({ Authorization: `Bearer ${token}` }).expect(401);
    const active = await production.app.get(DataSource).query<{ n: number }[]>(`SELECT count(*)::int AS n FROM case_worker WHERE username LIKE 'demo-%' AND active`);
    expect(active[0].n).toBe(0);
  });
});
