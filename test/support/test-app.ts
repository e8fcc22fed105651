import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { dropDatabase, ensureDatabaseExists } from '#libs/database';
import { redisKeyPrefix } from '#libs/queue';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { setupApp } from '../../apps/api/src/setup-app.js';
import { startWorker } from '../../apps/worker/src/start-worker.js';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Random per test process: strong enough for production mode, and no test can lean on a known secret. */
export const TEST_JWT_SECRET = randomBytes(32).toString('base64');
/** Production needs /metrics closed; outside production the test apps leave it open unless a test sets a token. */
export const TEST_METRICS_TOKEN = randomBytes(32).toString('base64');

export interface TestApp {
  app: NestExpressApplication;
  worker: INestApplicationContext | null;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  databaseUrl: string;
  queuePrefix: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse a database (and queue prefix) of another test app instead of creating a fresh one. */
  databaseUrl?: string;
  queuePrefix?: string;
  redisUrl?: string;
  withWorker?: boolean;
  /** Run as production (no demo accounts, no database creation: the database must exist). */
  production?: boolean;
  /** Seed the demo sample questions, as `npm start` does (off by default so tests count their own intakes). */
  demoCases?: boolean;
  /** More environment for this app (e.g. DOCS_ENABLED). */
  env?: Record<string, string>;
  /**
   * Rate limits (RATE_LIMIT_*). Generous unless a test sets them: tests send hundreds of intakes and status polls
   * from one address. The preview limit is fixed (60 a minute), as in production.
   */
  rateLimits?: { intakesPerMinute?: number; statusPerMinute?: number; loginPerMinute?: number; loginMaxDelaySeconds?: number };
  /** TRUST_PROXY (off unless set), e.g. `loopback` to play clients at other addresses with X-Forwarded-For. */
  trustProxy?: string;
}

/** High enough that no test trips a limit it is not about. */
export const GENEROUS_RATE_LIMIT = 1_000_000;

/**
 * Starts the real API (and worker) in this process against real PostgreSQL and Redis, on a database and a queue
 * prefix of its own, so tests never touch anyone's data and never see each other's jobs.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = options.databaseUrl ?? `${POSTGRES_URL}/werkloket_test_${suffix}`;
  const queuePrefix = options.queuePrefix ?? `werkloket-test-${suffix}`;
  if (options.production) await ensureDatabaseExists(databaseUrl);
  Object.assign(process.env, {
    NODE_ENV: options.production ? 'production' : 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl ?? REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    OUTBOX_POLL_MS: '100',
    DEMO_SEED: 'true',
    DEMO_CASES: options.demoCases ? 'true' : 'false',
    // Set every time: process.env outlives the app, and the next startTestApp in the file must not inherit them.
    RATE_LIMIT_INTAKES_PER_MINUTE: String(options.rateLimits?.intakesPerMinute ?? GENEROUS_RATE_LIMIT),
    RATE_LIMIT_STATUS_PER_MINUTE: String(options.rateLimits?.statusPerMinute ?? GENEROUS_RATE_LIMIT),
    RATE_LIMIT_LOGIN_PER_MINUTE: String(options.rateLimits?.loginPerMinute ?? GENEROUS_RATE_LIMIT),
    RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: String(options.rateLimits?.loginMaxDelaySeconds ?? 300),
    TRUST_PROXY: options.trustProxy ?? 'false',
    DOCS_ENABLED: '',
    MIGRATION_DATABASE_URL: '',
    METRICS_TOKEN: options.production ? TEST_METRICS_TOKEN : '',
    METRICS_PORT: '',
    // The test apps print errors through Nest's console logger; the JSON request lines (a 503 each while a test
    // takes the database away) would drown the output. A test about logs sets LOG_LEVEL itself.
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, logger: ['error'] });
  setupApp(app);
  await app.init();
  const worker = options.withWorker === false ? null : await startWorker(['error']);
  const ownsDatabase = options.databaseUrl === undefined;
  return {
    app,
    worker,
    http: app.getHttpServer(),
    databaseUrl,
    queuePrefix,
    async close() {
      await worker?.close();
      await app.close();
      if (ownsDatabase) {
        await dropDatabase(databaseUrl);
        await deleteQueueKeys(queuePrefix);
      }
    },
  };
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${redisKeyPrefix(prefix)}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

export async function login(http: TestApp['http'], username: string, password = 'demo'): Promise<string> {
  const response = await request(http).post('/api/v1/auth/login').send({ username, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

/** Polls the citizen's status page until the worker has classified (and routed) the intake. */
export async function waitForClassification(http: TestApp['http'], trackingCode: string, timeoutMs = 15000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(http).get(`/api/v1/intakes/${trackingCode}`).expect(200);
    const body = response.body as Record<string, any>;
    if (body.classification !== null) return body;
    if (Date.now() > deadline) throw new Error(`Intake ${trackingCode} was not classified within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
