import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { routeTemplateOf } from './http-observer.js';
import { metricsAuthorized } from './metrics-auth.js';
import { requestIdFrom } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('keeps a sane X-Request-Id (UUIDs, trace ids, up to 128 characters)', () => {
    for (const id of ['5f0c2a1e-8a4b-4f1d-9c3e-2b7d6e5a4c3b', 'req-42', 'Root=1-67891233-abcdef012345678912345678', 'a'.repeat(128), 'trace:01HZX/span+1']) {
      expect(requestIdFrom(id)).toBe(id);
    }
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it('replaces a missing, too long or odd one with a fresh UUID', () => {
    for (const id of [undefined, '', 'a'.repeat(129), 'has spaces', 'line\nbreak', '<script>', 'naïve', 'Jan Jansen 06-12345678']) {
      expect(requestIdFrom(id)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('route templates', () => {
  const request = (route: unknown, baseUrl = '') => ({ route, baseUrl }) as unknown as Request;

  it('labels a request by its route template, never by the path itself', () => {
    expect(routeTemplateOf(request({ path: '/api/v1/intakes/:trackingCode' }), 200)).toBe('/api/v1/intakes/{trackingCode}');
    expect(routeTemplateOf(request({ path: '/api/v1/worklists/:regionCode/:team/cases' }), 200)).toBe('/api/v1/worklists/{regionCode}/{team}/cases');
    expect(routeTemplateOf(request({ path: '/cases/:id' }, '/api/v1'), 404)).toBe('/api/v1/cases/{id}');
  });

  it('folds the pages and whatever matched no route into two labels', () => {
    expect(routeTemplateOf(request(undefined), 200)).toBe('static');
    // The pages' fallback route ({*any}) serves index.html for /status/<code> and the like.
    expect(routeTemplateOf(request({ path: '{*any}' }), 200)).toBe('static');
    expect(routeTemplateOf(request({ path: '{*any}' }), 404)).toBe('unmatched');
    expect(routeTemplateOf(request(undefined), 413)).toBe('unmatched');
  });
});

describe('metricsAuthorized', () => {
  const token = 'Xb1pQ9rT3vW7yZ2aC4eG6iK8mO0sU5wA';

  it('is open without a configured token', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized('Bearer anything', undefined)).toBe(true);
  });

  it('asks for exactly "Bearer <token>" when one is configured', () => {
    expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true);
    for (const header of [undefined, '', token, `bearer ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, `Bearer  ${token}`, `Bearer ${token} `]) {
      expect(metricsAuthorized(header, token)).toBe(false);
    }
  });
});
