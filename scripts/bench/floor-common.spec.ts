import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { floorWorklist, signToken, verifyToken, type FloorClaims } from './floor-common.js';
import { percentile } from './stats.js';

const SECRET = 'a-floor-secret-for-this-test-only';
const now = Math.floor(Date.now() / 1000);
const claims: FloorClaims = { sub: '7c3b8a4e-2f1d-4c3a-9b1e-0a2b3c4d5e6f', regionCodes: ['AM26'], teams: ['wsp'], iat: now, exp: now + 60 };

describe('the floor’s tokens', () => {
  it('accepts its own HS256 token and returns the claims', () => {
    expect(verifyToken(signToken(claims, SECRET), SECRET)).toEqual(claims);
  });

  it('refuses another secret, a changed payload, an expired token and alg none', () => {
    const token = signToken(claims, SECRET);
    expect(verifyToken(token, 'another-secret-of-the-same-kind')).toBeNull();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, regionCodes: ['AM01'] })).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${signature}`, SECRET)).toBeNull();
    expect(verifyToken(signToken({ ...claims, exp: now - 1 }, SECRET), SECRET)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signed = createHmac('sha256', SECRET).update(`${none}.${payload}`).digest('base64url');
    expect(verifyToken(`${none}.${payload}.${signed}`, SECRET)).toBeNull();
    expect(verifyToken('not-a-token', SECRET)).toBeNull();
  });
});

describe('the floor’s classification', () => {
  it('is deterministic, reads the PC4 and sends a question without one to triage without a region', () => {
    expect(floorWorklist('5038 AB')).toEqual(floorWorklist('5038ab'));
    expect(floorWorklist('5038 AB').regionCode).toMatch(/^AM\d{2}$/);
    expect(floorWorklist(undefined)).toEqual({ regionCode: null, team: 'triage' });
  });
});

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });
});
