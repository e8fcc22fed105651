// End-to-end intake benchmark on real PostgreSQL and Redis: accept rate and latency of POST /api/v1/intakes, time
// until the worker has classified and routed every intake, and concurrent claiming. Runs the API and the worker in
// this process on a database and queue prefix of its own, and removes both afterwards.
//   npm run bench:intake [-- --intakes 2000 --concurrency 32]
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { dropDatabase } from '#libs/database';
import { redisKeyPrefix } from '#libs/queue';
import { ApiModule } from '../apps/api/src/api.module.js';
import { setupApp } from '../apps/api/src/setup-app.js';
import { startWorker } from '../apps/worker/src/start-worker.js';
import { defaultLabelledFiles } from './labelled-intakes.js';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const INTAKES = arg('intakes', 2000);
const CONCURRENCY = arg('concurrency', 32);
const CLAIMERS = arg('claimers', 8);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = `${POSTGRES}/werkloket_bench_${suffix}`;
  const queuePrefix = `werkloket-bench-${suffix}`;
  // Every intake comes from this one address: the per-address limits are lifted.
  Object.assign(process.env, {
    NODE_ENV: 'development', DATABASE_URL: databaseUrl, REDIS_URL: REDIS, QUEUE_PREFIX: queuePrefix, DEMO_SEED: 'true', DEMO_CASES: 'false', OUTBOX_POLL_MS: '200',
    RATE_LIMIT_INTAKES_PER_MINUTE: '100000000', RATE_LIMIT_STATUS_PER_MINUTE: '100000000', RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
  });

  const requests = defaultLabelledFiles()
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { request: { person?: { ageBand?: string } } }).request)
    .filter((body) => body.person?.ageBand !== 'under_16');

  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, logger: ['error'] });
  setupApp(app);
  await app.listen(0, '127.0.0.1');
  const worker = await startWorker(['error']);
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(DataSource);

  try {
    out(`intakes             ${INTAKES} (cycling through ${requests.length} labelled requests), ${CONCURRENCY} concurrent clients`);
    const started = performance.now();
    const latencies = await pool(INTAKES, CONCURRENCY, async (i) => {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/v1/intakes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(requests[i % requests.length]) });
      if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
      await response.arrayBuffer();
      return performance.now() - t0;
    });
    const acceptedIn = (performance.now() - started) / 1000;
    for (;;) {
      const [{ n }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM intake WHERE classification IS NOT NULL');
      if (n >= INTAKES) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const routedIn = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    out(`accepted            ${(INTAKES / acceptedIn).toFixed(0)} intakes/s (${acceptedIn.toFixed(2)} s)`);
    out(`accept latency      p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    out(`all routed after    ${routedIn.toFixed(2)} s (${(INTAKES / routedIn).toFixed(0)} intakes/s end to end, classify + case on the worklist)`);

    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-admin', password: 'demo' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const [{ open }] = await db.query<{ open: number }[]>(`SELECT count(*)::int AS open FROM "case" WHERE region_code = 'AM26' AND team = 'mobiliteitsteam' AND status = 'new'`);
    const claimed: string[] = [];
    const claimStart = performance.now();
    await Promise.all(
      Array.from({ length: CLAIMERS }, async () => {
        for (;;) {
          const response = await fetch(`${base}/api/v1/worklists/AM26/mobiliteitsteam/claim`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
          if (response.status === 204) return;
          claimed.push(((await response.json()) as { id: string }).id);
        }
      }),
    );
    const claimSeconds = (performance.now() - claimStart) / 1000;
    out(`claims              ${claimed.length} of ${open} open AM26/mobiliteitsteam cases by ${CLAIMERS} concurrent claimers in ${claimSeconds.toFixed(2)} s (${(claimed.length / claimSeconds).toFixed(0)}/s), ${claimed.length - new Set(claimed).size} duplicates`);
  } finally {
    await worker.close();
    await app.close();
    await dropDatabase(databaseUrl);
    const redis = new Redis(REDIS);
    const keys = await redis.keys(`${redisKeyPrefix(queuePrefix)}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
