import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { loadConfig } from '#libs/config';
import { LOGIN_FAILURES_BEFORE_SLOWDOWN, LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME, LoginBrake } from './login-brake.js';
import { RateLimitError } from './rate-limit.error.js';
import type { RateLimitStore } from './rate-limit-store.js';

/** The brake on the limiters it falls back to while Redis is away (same semantics, this process's memory). */
function brake(env: Record<string, string> = {}): LoginBrake {
  const store = { limiter: (name: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix: name, points, duration }) };
  return new LoginBrake(store as unknown as RateLimitStore, loadConfig({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000', RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: '60', ...env }));
}

/** Seconds the attempt is told to wait, or 0 when it is let through (and fails). */
async function attempt(login: LoginBrake, username: string, address: string): Promise<number> {
  try {
    await login.admit(username, address);
    return 0;
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error;
    return error.retryAfterSeconds;
  }
}

let addresses = 0;
const fresh = () => `203.0.113.${++addresses % 250}`;

describe('LoginBrake', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it(`lets ${LOGIN_FAILURES_BEFORE_SLOWDOWN} failures for a username through from anywhere, then makes each attempt wait twice as long as the one before, up to the maximum`, async () => {
    const login = brake();
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_SLOWDOWN; i++) expect(await attempt(login, 'piet', fresh())).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const wait = await attempt(login, 'piet', fresh());
      waits.push(wait);
      // Refused attempts while waiting do not lengthen the wait.
      expect(await attempt(login, 'piet', fresh())).toBe(wait);
      jest.advanceTimersByTime(wait * 1000);
      expect(await attempt(login, 'piet', fresh())).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // Another username is not affected.
    expect(await attempt(login, 'marie', fresh())).toBe(0);
  });

  it('clears the username on a successful login, wherever it comes from', async () => {
    const login = brake();
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_SLOWDOWN; i++) await attempt(login, 'piet', fresh());
    expect(await attempt(login, 'piet', fresh())).toBe(1);
    jest.advanceTimersByTime(1000);
    await (await login.admit('piet', fresh())).succeeded();
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_SLOWDOWN; i++) expect(await attempt(login, 'piet', fresh())).toBe(0);
  });

  it(`stops a username from one address after ${LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME} failures for 15 minutes; IPv6 counted per /64`, async () => {
    const login = brake({ RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: '1' });
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME; i++) {
      expect(await attempt(login, 'piet', `2001:db8:5:6::${i + 1}`)).toBeLessThanOrEqual(1);
      jest.advanceTimersByTime(1000);
    }
    expect(await attempt(login, 'piet', '2001:db8:5:6:ffff::1')).toBeGreaterThan(14 * 60);
    jest.advanceTimersByTime(15 * 60 * 1000);
    expect(await attempt(login, 'piet', '2001:db8:5:6::1')).toBe(0);
  });

  it('limits failed logins per address across usernames; a successful login gives its point back', async () => {
    const login = brake({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    for (let i = 0; i < 5; i++) await (await login.admit('piet', '198.51.100.1')).succeeded();
    for (let i = 0; i < 3; i++) expect(await attempt(login, `user-${i}`, '198.51.100.1')).toBe(0);
    expect(await attempt(login, 'piet', '198.51.100.1')).toBe(60);
    expect(await attempt(login, 'piet', '::ffff:198.51.100.1')).toBe(60);
    expect(await attempt(login, 'piet', '198.51.100.2')).toBe(0);
    jest.advanceTimersByTime(60 * 1000);
    expect(await attempt(login, 'piet', '198.51.100.1')).toBe(0);
  });
});
