import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { CaseError } from '#libs/cases';
import { RateLimitError } from '#libs/rate-limit';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { RequestValidationError } from './problem.js';

/** Runs the filter on an error and returns what the client would get. */
function answer(error: unknown, request: Record<string, unknown> = { originalUrl: '/api/v1/x?y=1' }): { status: number; headers: Record<string, string>; type: string; body: Record<string, unknown> } {
  const sent = { status: 0, headers: {} as Record<string, string>, type: '', body: {} as Record<string, unknown> };
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    status: (code: number) => ((sent.status = code), response),
    type: (type: string) => ((sent.type = type), response),
    json: (body: Record<string, unknown>) => void (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  it('answers validation errors as problem+json naming the fields', () => {
    const sent = answer(new RequestValidationError(422, [{ field: 'postcode', message: 'bad' }]));
    expect(sent).toMatchObject({ status: 422, type: 'application/problem+json', body: { status: 422, instance: '/api/v1/x', errors: [{ field: 'postcode', message: 'bad' }] } });
  });

  it('maps a lib error code to its HTTP status', () => {
    expect(answer(new CaseError('invalid_transition', 'no')).status).toBe(409);
    expect(answer(new CaseError('not_found', 'no')).status).toBe(404);
  });

  it('answers a rate limit with 429 and its Retry-After', () => {
    const sent = answer(new RateLimitError(42, 'Too many questions from this address; try again in 42 seconds.'));
    expect(sent).toMatchObject({ status: 429, type: 'application/problem+json', headers: { 'Retry-After': '42' } });
    expect(sent.body).toMatchObject({ type: 'about:blank', title: 'Too many requests', status: 429, detail: 'Too many questions from this address; try again in 42 seconds.' });
  });

  it('answers a database that cannot be reached with 503 and Retry-After, not 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const sent = answer(refused);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('30');
    expect(sent.body.detail).toContain('not stored');
    expect(answer(Object.assign(new Error('terminating connection'), { driverError: { code: '57P01' } })).status).toBe(503);
  });

  it('answers a connection lost under a query runner or a pooled client with 503 too', () => {
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' });
    expect(answer(released).status).toBe(503);
    expect(answer(new Error('Client has encountered a connection error and is not queryable')).status).toBe(503);
    expect(answer(new Error('Connection terminated unexpectedly')).status).toBe(503);
  });

  it('names the request id, as given to the request, in every answer', () => {
    expect(answer(new CaseError('not_found', 'no'), { originalUrl: '/api/v1/cases/x', id: 'req-42' }).body).toMatchObject({ status: 404, requestId: 'req-42' });
    expect(answer(new TypeError('boom'), { originalUrl: '/x', id: 'req-43' }).body).toMatchObject({ status: 500, requestId: 'req-43' });
    expect(answer(new CaseError('not_found', 'no')).body).not.toHaveProperty('requestId');
  });

  it('answers anything else with a plain 500 that promises nothing', () => {
    const sent = answer(new TypeError('boom'));
    expect(sent.status).toBe(500);
    expect(sent.body.detail).toBe('Something went wrong on our side.');
  });
});
