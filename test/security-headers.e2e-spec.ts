import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, startTestApp, type TestApp } from './support/test-app.js';

describe('security headers', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('sends a Content-Security-Policy that forbids framing and inline scripts, nosniff, no X-Powered-By, and no-store on the API', async () => {
    const t = await startTestApp({ withWorker: false });
    apps.push(t);
    for (const path of ['/', '/health', '/api/v1/regions']) {
      const response = await request(t.http).get(path);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      // Not pinned to HTTPS outside production.
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const token = await login(t.http, 'demo-werkbedrijf');
    const me = await request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const cases = await request(t.http).get('/api/v1/worklists/AM26/werkbedrijf/cases').set('Authorization', `Bearer ${token}`).expect(200);
    expect(cases.headers['cache-control']).toBe('no-store');
    await request(t.http).get('/docs').expect(200);
  });

  it('in production: HSTS, and /docs only when DOCS_ENABLED=true', async () => {
    const closed = await startTestApp({ withWorker: false, production: true });
    apps.push(closed);
    const response = await request(closed.http).get('/health');
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    await request(closed.http).get('/docs').expect(404);
    // The pages' fallback may answer, but never with the API description.
    expect((await request(closed.http).get('/docs-json')).text).not.toContain('"openapi"');
    const open = await startTestApp({ withWorker: false, production: true, databaseUrl: closed.databaseUrl, queuePrefix: closed.queuePrefix, env: { DOCS_ENABLED: 'true' } });
    apps.push(open);
    await request(open.http).get('/docs').expect(200);
  });
});
