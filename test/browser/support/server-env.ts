// One database and one queue prefix of its own for a browser-test run, so it never touches anyone's data.
import { randomBytes } from 'node:crypto';

export const BROWSER_TEST_PORT = Number(process.env.BROWSER_TEST_PORT ?? 3199);
const suffix = process.env.BROWSER_TEST_SUFFIX ?? randomBytes(4).toString('hex');
// The config module is loaded by the runner and by every worker: the suffix must be the same everywhere.
process.env.BROWSER_TEST_SUFFIX = suffix;

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_NAME = `werkloket_browser_${suffix}`;
export const QUEUE_PREFIX = `werkloket-browser-${suffix}`;

export const BROWSER_TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  PORT: String(BROWSER_TEST_PORT),
  JWT_SECRET: 'a-browser-test-secret-that-is-long-enough',
  DATABASE_URL: `${POSTGRES_URL}/${DATABASE_NAME}`,
  REDIS_URL,
  QUEUE_PREFIX,
  OUTBOX_POLL_MS: '100',
  DEMO_SEED: 'true',
  DEMO_CASES: 'false',
  // The browser tests ask, look up and log in many times from one address.
  RATE_LIMIT_INTAKES_PER_MINUTE: '1000000',
  RATE_LIMIT_STATUS_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
};
