// The benchmark (`npm run bench`, `npm run bench -- --quick`): the service as it runs in production — the built api
// and worker as child processes, NODE_ENV=production, a fresh database and queue prefix of its own — against the
// floor (floor.ts + floor-router.ts: bare node:http, pg and ioredis doing the same durable work), in one invocation,
// on the same PostgreSQL and Redis, phase by phase in turn so that noise hits both alike. Measures
//   1. accepted intakes per second at saturation (closed loop), p50/p99 of the 201 at half that rate (open loop);
//   2. accept → on the worklist at half rate: from the client's 201 until the case row is committed and claimable;
//   3. routed intakes per second end to end at saturation (first request → last intake routed);
//   4. claims per second by 50 concurrent case workers on one worklist over HTTP, and double claims;
//   5. the same for the floor; then the service alone with 1, 2 and 4 worker processes; peak RSS; CPU per intake.
// Prints a table, then as its LAST line one JSON object. Exits 1 when an intake is lost or a case is claimed twice
// (by either system) or the bench itself fails — never because of speed.
//   npm run bench [-- --quick] [-- --intakes 2000 --rounds 3 --seconds 10 --claims 2000 --concurrency 32 --claimers 50]
//   BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432), BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_KEEP_LOGS=1
import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { defaultLabelledFiles } from '../labelled-intakes.js';
import { Child, killAll, sleep, sparePort } from '../faults/processes.js';
import { FLOOR_SCHEMA, floorWorklist, signToken } from './floor-common.js';
import { claimAll, closedLoop, openLoop, send, type IntakeRun, type IntakeTarget } from './http-load.js';
import { fmt, median, percentile, ratio, rounded } from './stats.js';
import { cpuBetween, FloorSystem, lostOf, peakRssMiB, sampleCpu, ServiceSystem, type System } from './systems.js';
import { redisKeyPrefix } from '#libs/queue';

const QUICK = process.argv.includes('--quick');
const arg = (name: string, full: number, quick: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? (QUICK ? quick : full) : Number(process.argv[index + 1]);
};
const INTAKES = arg('intakes', 2000, 300);
const ROUNDS = arg('rounds', 3, 1);
const HALF_RATE_SECONDS = arg('seconds', 10, 3);
const CLAIMS = arg('claims', 2000, 200);
const SCALING_INTAKES = arg('scaling', 2000, 100);
const CONCURRENCY = arg('concurrency', 32, 32);
const CLAIMERS = arg('claimers', 50, 50);
const WARMUP = arg('warmup', 1000, 100);
const WORKER_STEPS = [1, 2, 4];
/** How often the accept → worklist clock looks for newly routed intakes (its resolution), and for how many at most. */
const POLL_MS = 10;
const POLL_WINDOW = 100;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BENCH_PROFILE=1: the service's processes write V8 CPU profiles (.cpuprofile, for Chrome DevTools) into the logs folder, which is then kept. */
const PROFILE = process.env.BENCH_PROFILE === '1';
const KEEP_LOGS = process.env.BENCH_KEEP_LOGS === '1' || PROFILE;
const API_MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url));
const FLOOR_MAIN = fileURLToPath(new URL('./floor.js', import.meta.url));
const ROUTER_MAIN = fileURLToPath(new URL('./floor-router.js', import.meta.url));
const INTAKE_PATH = '/api/v1/intakes';
/** The claim worklists' cases come from this question (the README's example: bijstand in Tilburg → AM26 werkbedrijf). */
const CLAIM_BODY = {
  role: 'jobseeker',
  postcode: '5038 AB',
  question: 'Ik zit in de bijstand en wil graag weer aan het werk.',
  person: { ageBand: '27_55', situation: 'unemployed', benefit: 'bijstand' },
  consent: { processing: true },
};

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const benchStarted = performance.now();
const progress = (line: string): void => {
  process.stderr.write(`bench ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5)} s: ${line}\n`);
};

/** The varied intakes: every labelled request of the fixtures and the corpus (under-16s store nothing: left out). */
function intakeBodies(): Buffer[] {
  return defaultLabelledFiles()
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { request: { person?: { ageBand?: string } } }).request)
    .filter((body) => body.person?.ageBand !== 'under_16')
    .map((body) => Buffer.from(JSON.stringify(body)));
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ── what a phase measured ────────────────────────────────────────────────────────────────────────────────────────
interface Cpu {
  http: number;
  routing: number;
  postgres: number;
}

interface Saturation {
  accepted: number;
  errors: string;
  /** Answers 4xx or 5xx: an invalid labelled body, or a failing service. */
  refused: number;
  intakePerSec: number;
  routedPerSec: number;
  lost: number;
  cpu: Cpu;
}

interface HalfRate {
  rate: number;
  accepted: number;
  errors: string;
  refused: number;
  latencyP50: number;
  latencyP99: number;
  toWorklistP50: number;
  toWorklistP99: number;
  toWorklistMax: number;
  notSeen: number;
  lost: number;
}

interface Claims {
  pool: number;
  claimed: number;
  perSec: number;
  doubleClaims: number;
  inconsistent: number;
  errors: string;
  cpu: Cpu;
}

const refusedOf = (errors: Map<number, number>): number => [...errors].reduce((n, [status, count]) => n + (status >= 400 ? count : 0), 0);

const describeErrors = (errors: Map<number, number>): string =>
  errors.size === 0 ? 'none' : [...errors].map(([status, n]) => `${n}× ${status === 0 ? 'connection error' : status}`).join(', ');

const acceptedCodes = (run: IntakeRun): string[] => run.results.flatMap((r) => (r.trackingCode ? [r.trackingCode] : []));

class Bench {
  private offset = 0;

  constructor(
    private readonly bodies: Buffer[],
    private readonly admin: pg.Client,
  ) {}

  /** A different slice of the bodies for every phase; the same slice for both systems within a phase. */
  nextOffset(count: number): number {
    const offset = this.offset;
    this.offset = (this.offset + count) % this.bodies.length;
    return offset;
  }

  target(system: System): IntakeTarget {
    return { port: system.port, path: INTAKE_PATH };
  }

  async saturation(system: System, count: number, offset: number): Promise<Saturation> {
    const before = await sampleCpu(system, this.admin);
    const run = await closedLoop(this.target(system), this.bodies, count, CONCURRENCY, offset);
    const codes = acceptedCodes(run);
    if (codes.length === 0) throw new Error(`${system.name}: no intake accepted (${describeErrors(run.errors)})`);
    const verified = await system.waitRouted(codes);
    const cpu = cpuBetween(before, await sampleCpu(system, this.admin));
    const last201 = Math.max(...run.results.filter((r) => r.trackingCode).map((r) => r.doneAt));
    return {
      accepted: codes.length,
      errors: describeErrors(run.errors),
      refused: refusedOf(run.errors),
      intakePerSec: codes.length / ((last201 - run.startedAt) / 1000),
      routedPerSec: (codes.length - verified.unrouted) / ((verified.lastRoutedWallMs - run.startedWallMs) / 1000),
      lost: lostOf(codes.length, verified),
      cpu: { http: cpu.http / codes.length, routing: cpu.routing / codes.length, postgres: cpu.postgres / codes.length },
    };
  }

  /** A paced stream at `rate`, with a clock per accepted intake from its 201 until its case is visible. */
  async halfRate(system: System, rate: number, seconds: number, offset: number): Promise<HalfRate> {
    const pending = new Map<string, number>();
    const toWorklist: number[] = [];
    let streaming = true;
    const poller = (async () => {
      let quietSince = performance.now();
      while (streaming || (pending.size > 0 && performance.now() - quietSince < 30_000)) {
        await sleep(POLL_MS);
        if (pending.size === 0) continue;
        const at = performance.now();
        // The longest-waiting ones only (a Map keeps insertion order), so a backlog does not make each look dearer:
        // jobs run about in order, so one routed past this window is seen a little late, never early.
        const window: string[] = [];
        for (const code of pending.keys()) {
          if (window.length === POLL_WINDOW) break;
          window.push(code);
        }
        const seen = await system.routed(window);
        if (seen.length > 0) quietSince = performance.now();
        for (const [code, hasCase] of seen) {
          // Measured at the start of the query that first saw it: at most POLL_MS + one query late, never early.
          if (hasCase) toWorklist.push(at - (pending.get(code) ?? at));
          pending.delete(code);
        }
      }
    })();
    let run: IntakeRun;
    try {
      run = await openLoop(this.target(system), this.bodies, rate, seconds, (code, at) => pending.set(code, at), offset);
    } finally {
      streaming = false;
      await poller;
    }
    const codes = acceptedCodes(run);
    if (codes.length === 0) throw new Error(`${system.name}: no intake accepted at half rate (${describeErrors(run.errors)})`);
    const verified = await system.waitRouted(codes);
    const latencies = run.results.filter((r) => r.trackingCode).map((r) => r.doneAt - r.startedAt);
    return {
      rate,
      accepted: codes.length,
      errors: describeErrors(run.errors),
      refused: refusedOf(run.errors),
      latencyP50: percentile(latencies, 50),
      latencyP99: percentile(latencies, 99),
      toWorklistP50: percentile(toWorklist, 50),
      toWorklistP99: percentile(toWorklist, 99),
      toWorklistMax: percentile(toWorklist, 100),
      notSeen: pending.size,
      lost: lostOf(codes.length, verified),
    };
  }

  /** Fills the claim worklist through the system's own front door (not measured) until it holds `pool` cases. */
  async fillClaimWorklist(system: System, pool: number): Promise<number> {
    const missing = pool - (await system.openOnClaimWorklist());
    if (missing > 0) {
      const run = await closedLoop(this.target(system), [Buffer.from(JSON.stringify(CLAIM_BODY))], missing, CONCURRENCY);
      const codes = acceptedCodes(run);
      const verified = await system.waitRouted(codes);
      if (lostOf(codes.length, verified) > 0 || codes.length < missing) throw new Error(`${system.name}: filling the claim worklist failed (${describeErrors(run.errors)})`);
    }
    return system.openOnClaimWorklist();
  }

  async claims(system: System, ids: readonly string[]): Promise<Claims> {
    const pool = await system.openOnClaimWorklist();
    const before = await sampleCpu(system, this.admin);
    const run = await claimAll(system.port, system.claimPath, system.tokens);
    const cpu = cpuBetween(before, await sampleCpu(system, this.admin));
    const unique = new Set(run.claimed).size;
    const assigned = await system.assignedTo(ids);
    return {
      pool,
      claimed: run.claimed.length,
      perSec: run.claimed.length / run.seconds,
      doubleClaims: run.claimed.length - unique,
      // Every case handed out is assigned in the database to one of the claimers, and nothing else was.
      inconsistent: Math.abs(assigned - unique) + (await system.openOnClaimWorklist()),
      errors: describeErrors(run.errors),
      cpu: { http: cpu.http / Math.max(1, run.claimed.length), routing: 0, postgres: cpu.postgres / Math.max(1, run.claimed.length) },
    };
  }
}

// ── starting the two systems ─────────────────────────────────────────────────────────────────────────────────────
function serviceEnv(databaseUrl: string, queuePrefix: string, port: number, jwtSecret: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    // Production keeps /metrics closed: a token (nothing scrapes it here).
    METRICS_TOKEN: randomBytes(32).toString('base64'),
    DATABASE_URL: databaseUrl,
    REDIS_URL: REDIS,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    SHUTDOWN_DRAIN_MS: '3000',
    // Every request comes from this one address: the per-address limits would turn the load away.
    RATE_LIMIT_INTAKES_PER_MINUTE: '1000000000',
    RATE_LIMIT_STATUS_PER_MINUTE: '1000000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000000',
  };
}

/** Waits until `check` holds, or fails naming `what`. */
async function until(what: string, child: Child, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (!child.alive) throw new Error(`${what} exited while starting:\n${child.tail()}`);
    if (await check().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${child.tail()}`);
    await sleep(25);
  }
}

/** 50 case workers of the claim worklist, inserted as the admin would create them, then logged in over HTTP. */
async function caseWorkers(service: ServiceSystem, count: number): Promise<string[]> {
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await hash(password);
  const { rows } = await service.db.query<{ id: string; username: string }>(
    `INSERT INTO case_worker (username, password_hash, role, region_codes, teams)
     SELECT 'bench-' || g, $1, 'case_worker', ARRAY[$2::text], ARRAY[$3::text] FROM generate_series(1, $4::int) g
     RETURNING id, username`,
    [passwordHash, service.claimWorklist.regionCode, service.claimWorklist.team, count],
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const tokens: string[] = new Array<string>(rows.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < rows.length) {
          const i = next++;
          const reply = await send(agent, service.port, 'POST', '/api/v1/auth/login', Buffer.from(JSON.stringify({ username: rows[i].username, password })));
          if (reply.status !== 200) throw new Error(`login of ${rows[i].username} answered ${reply.status}: ${reply.body}`);
          tokens[i] = (JSON.parse(reply.body) as { accessToken: string }).accessToken;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  service.tokens = tokens;
  return rows.map((row) => row.id);
}

async function main(): Promise<number> {
  const started = benchStarted;
  const runId = randomBytes(4).toString('hex');
  const serviceDb = `werkloket_bench_${runId}`;
  const floorDb = `werkloket_bench_${runId}_floor`;
  const queuePrefix = `werkloket-bench-${runId}`;
  const floorPrefix = `werkloket-bench-${runId}-floor`;
  const logDir = mkdtempSync(join(tmpdir(), 'werkloket-bench-'));
  const bodies = intakeBodies();
  progress(`${QUICK ? 'quick' : 'full'} run ${runId}: ${bodies.length} intake bodies, logs in ${logDir}`);

  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  const children: Child[] = [];
  let failed = false;
  const stopAll = async (): Promise<void> => {
    await Promise.all(children.filter((c) => c.alive).map((c) => c.stop(10_000)));
  };
  const cleanUp = async (): Promise<void> => {
    await stopAll();
    for (const name of [serviceDb, floorDb]) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`).catch(() => undefined);
    const redis = new Redis(REDIS, { maxRetriesPerRequest: 1 });
    try {
      // The service's keys sit under its prefix as a hash tag; the floor's under its plain prefix.
      for (const pattern of [`${redisKeyPrefix(queuePrefix)}:*`, `${floorPrefix}:*`]) {
        const keys = await redis.keys(pattern);
        if (keys.length > 0) await redis.del(...keys);
      }
    } finally {
      redis.disconnect();
    }
  };
  process.once('SIGINT', () => {
    killAll();
    void cleanUp().finally(() => process.exit(130));
  });

  const [servicePort, floorPort] = [await sparePort(), await sparePort()];
  const service = new ServiceSystem('service', servicePort, `${POSTGRES}/${serviceDb}`, { regionCode: 'AM26', team: 'werkbedrijf' });
  const floorClaim = floorWorklist(CLAIM_BODY.postcode);
  const floor = new FloorSystem('floor', floorPort, `${POSTGRES}/${floorDb}`, { regionCode: floorClaim.regionCode ?? 'NONE', team: floorClaim.team });
  const env = serviceEnv(service.databaseUrl, queuePrefix, servicePort, randomBytes(32).toString('base64'));
  const floorSecret = randomBytes(32).toString('base64');
  const floorEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    FLOOR_PORT: String(floorPort),
    FLOOR_DATABASE_URL: floor.databaseUrl,
    FLOOR_REDIS_URL: REDIS,
    FLOOR_PREFIX: floorPrefix,
    FLOOR_JWT_SECRET: floorSecret,
  };
  /** The built api (without --with-worker) or a worker, as in production: a process of its own. */
  const startProcess = async (name: string, main: string, ready: (child: Child) => Promise<boolean>): Promise<Child> => {
    const profile = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', logDir, '--cpu-prof-name', `${name.replace(/\W+/g, '-')}.cpuprofile`] : [];
    const child = new Child(name, process.execPath, [...profile, main], env, join(logDir, `${name.replace(/\W+/g, '-')}.log`));
    children.push(child);
    await until(name, child, () => ready(child), 60_000);
    return child;
  };
  const workers: Child[] = [];
  let workersStarted = 0;
  const startWorker = async (): Promise<Child> => {
    const worker = await startProcess(`worker ${++workersStarted}`, WORKER_MAIN, (child) => Promise.resolve(child.log().includes('is consuming its queues')));
    workers.push(worker);
    return worker;
  };

  try {
    // Production creates no database: it is provisioned (here: by the bench), the api runs the migrations.
    await adminQuery(`CREATE DATABASE ${serviceDb}`);
    await adminQuery(`CREATE DATABASE ${floorDb}`);
    const floorSchema = new pg.Client({ connectionString: floor.databaseUrl });
    await floorSchema.connect();
    await floorSchema.query(FLOOR_SCHEMA);
    await floorSchema.end();

    const floorHttp = new Child('floor', process.execPath, [FLOOR_MAIN], floorEnv, join(logDir, 'floor.log'));
    const floorRouter = new Child('floor-router', process.execPath, [ROUTER_MAIN], floorEnv, join(logDir, 'floor-router.log'));
    children.push(floorHttp, floorRouter);
    // Api and worker start together; a PostgreSQL advisory lock lets one of them run the migrations.
    const [api] = await Promise.all([
      startProcess('api', API_MAIN, async () => (await fetch(`http://127.0.0.1:${servicePort}/health/live`, { signal: AbortSignal.timeout(1000) })).status === 200),
      startWorker(),
    ]);
    service.httpProcess = api;
    service.routingProcesses = [...workers];
    await until('floor', floorHttp, async () => (await fetch(`http://127.0.0.1:${floorPort}/health`)).status === 200);
    await until('floor router', floorRouter, () => Promise.resolve(floorRouter.log().includes('floor router ready')));
    floor.httpProcess = floorHttp;
    floor.routingProcesses = [floorRouter];
    await service.connect();
    await floor.connect();

    const workerIds = await caseWorkers(service, CLAIMERS);
    const floorIds = Array.from({ length: CLAIMERS }, () => randomUUID());
    const now = Math.floor(Date.now() / 1000);
    floor.tokens = floorIds.map((sub) => signToken({ sub, regionCodes: [floor.claimWorklist.regionCode], teams: [floor.claimWorklist.team], iat: now, exp: now + 3600 }, floorSecret));
    progress(`started in ${((performance.now() - started) / 1000).toFixed(1)} s; warming up`);

    const bench = new Bench(bodies, admin);
    const warmOffset = bench.nextOffset(WARMUP);
    for (const system of [service, floor]) await bench.saturation(system, WARMUP, warmOffset);

    // 1 + 3: saturation, service and floor in turn, ROUNDS times; the median round counts.
    const sat: Record<'service' | 'floor', Saturation[]> = { service: [], floor: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const offset = bench.nextOffset(INTAKES);
      for (const system of [service, floor]) {
        const result = await bench.saturation(system, INTAKES, offset);
        sat[system.name].push(result);
        progress(`saturation ${round + 1}/${ROUNDS} ${system.name}: ${fmt(result.intakePerSec)} accepted/s, ${fmt(result.routedPerSec)} routed/s, lost ${result.lost}`);
      }
    }
    const mid = (name: 'service' | 'floor', key: 'intakePerSec' | 'routedPerSec'): number => median(sat[name].map((s) => s[key]));
    const intakePerSec = mid('service', 'intakePerSec');
    const floorIntakePerSec = mid('floor', 'intakePerSec');
    const routedPerSec = mid('service', 'routedPerSec');
    const floorRoutedPerSec = mid('floor', 'routedPerSec');

    // 1 + 2: half rate, each at half its own saturation rate.
    const halfOffset = bench.nextOffset(Math.round(intakePerSec * HALF_RATE_SECONDS));
    const half = {
      service: await bench.halfRate(service, intakePerSec / 2, HALF_RATE_SECONDS, halfOffset),
      floor: await bench.halfRate(floor, floorIntakePerSec / 2, HALF_RATE_SECONDS, halfOffset),
    };
    progress(`half rate: service p99 ${fmt(half.service.latencyP99, 1)} ms, to worklist p99 ${fmt(half.service.toWorklistP99, 1)} ms; floor p99 ${fmt(half.floor.latencyP99, 1)} ms, to worklist p99 ${fmt(half.floor.toWorklistP99, 1)} ms`);

    // 4: claims, both worklists filled to the same size first.
    const servicePool = await bench.fillClaimWorklist(service, CLAIMS);
    await bench.fillClaimWorklist(floor, servicePool);
    const claims = { service: await bench.claims(service, workerIds), floor: await bench.claims(floor, floorIds) };
    progress(`claims: service ${fmt(claims.service.perSec)}/s, floor ${fmt(claims.floor.perSec)}/s`);

    const rss = new Map<string, number>([
      ['floor (HTTP + relay)', peakRssMiB(floorHttp.pid)],
      ['floor router', peakRssMiB(floorRouter.pid)],
    ]);
    await Promise.all([floorHttp.stop(), floorRouter.stop()]);

    // Scaling: the service alone, end to end at saturation with 1, 2 and 4 worker processes.
    const scaling: { workers: number; result: Saturation }[] = [];
    for (const count of WORKER_STEPS) {
      while (workers.length < count) await Promise.all(Array.from({ length: count - workers.length }, () => startWorker()));
      service.routingProcesses = [...workers];
      // New worker processes start cold: a burst first, so the step measures them warm like the first one.
      if (count > 1) await bench.saturation(service, WARMUP, bench.nextOffset(WARMUP));
      const result = await bench.saturation(service, SCALING_INTAKES, bench.nextOffset(SCALING_INTAKES));
      scaling.push({ workers: count, result });
      progress(`${count} worker(s): ${fmt(result.routedPerSec)} routed/s`);
    }
    rss.set('service api', peakRssMiB(api.pid));
    workers.forEach((worker, i) => rss.set(`service ${worker.name}${i === 0 ? '' : ' (scaling)'}`, peakRssMiB(worker.pid)));

    // ── report ──────────────────────────────────────────────────────────────────────────────────────────────────
    const serviceLost = [...sat.service, ...scaling.map((s) => s.result)].reduce((sum, s) => sum + s.lost, 0) + half.service.lost;
    const floorLost = sat.floor.reduce((sum, s) => sum + s.lost, 0) + half.floor.lost;
    const doubleClaims = claims.service.doubleClaims;
    const row = (label: string, s: string, f: string, r = ''): void => out(`${label.padEnd(44)}${s.padStart(12)}${f.padStart(12)}${r.padStart(9)}`);
    const perSec = (label: string, s: number, f: number): void => row(label, fmt(s), fmt(f), fmt(ratio(s, f), 2));
    const ms = (label: string, s: number, f: number): void => row(label, fmt(s, 1), fmt(f, 1));
    const cpu = (label: string, s: Cpu, f: Cpu): void => {
      row(`${label}: HTTP process`, fmt(s.http, 2), fmt(f.http, 2));
      if (s.routing > 0 || f.routing > 0) row(`${label}: routing process`, fmt(s.routing, 2), fmt(f.routing, 2));
      row(`${label}: PostgreSQL backends`, fmt(s.postgres, 2), fmt(f.postgres, 2));
    };
    const midCpu = (runs: Saturation[]): Cpu => ({ http: median(runs.map((r) => r.cpu.http)), routing: median(runs.map((r) => r.cpu.routing)), postgres: median(runs.map((r) => r.cpu.postgres)) });

    out();
    out(`Werkloket benchmark (${QUICK ? 'quick' : 'full'}): ${INTAKES} intakes × ${ROUNDS} round(s) at ${CONCURRENCY} concurrent clients, ${HALF_RATE_SECONDS} s at half rate, ${CLAIMERS} claimers; ${bodies.length} varied intake bodies`);
    row('', 'service', 'floor', 'ratio');
    perSec('accepted intakes/s (saturation, median)', intakePerSec, floorIntakePerSec);
    perSec('routed intakes/s end to end (saturation)', routedPerSec, floorRoutedPerSec);
    for (const name of ['service', 'floor'] as const) {
      out(`  ${name} rounds: accepted/s ${sat[name].map((s) => fmt(s.intakePerSec)).join(', ')}; routed/s ${sat[name].map((s) => fmt(s.routedPerSec)).join(', ')}`);
    }
    row('half rate: intakes/s offered', fmt(half.service.rate), fmt(half.floor.rate));
    ms('half rate: 201 latency p50 ms', half.service.latencyP50, half.floor.latencyP50);
    ms('half rate: 201 latency p99 ms', half.service.latencyP99, half.floor.latencyP99);
    ms('half rate: accept → worklist p50 ms', half.service.toWorklistP50, half.floor.toWorklistP50);
    ms('half rate: accept → worklist p99 ms', half.service.toWorklistP99, half.floor.toWorklistP99);
    ms('half rate: accept → worklist max ms', half.service.toWorklistMax, half.floor.toWorklistMax);
    row('  accepted / not on a worklist after 30 s', `${half.service.accepted}/${half.service.notSeen}`, `${half.floor.accepted}/${half.floor.notSeen}`);
    perSec(`claims/s (${CLAIMERS} case workers, one worklist)`, claims.service.perSec, claims.floor.perSec);
    row('  cases on the worklist / claimed', `${claims.service.pool}/${claims.service.claimed}`, `${claims.floor.pool}/${claims.floor.claimed}`);
    row('  double claims', String(claims.service.doubleClaims), String(claims.floor.doubleClaims));
    row('lost intakes (all phases)', String(serviceLost), String(floorLost));
    for (const name of ['service', 'floor'] as const) {
      out(`answers other than 201, ${name}: saturation ${sat[name].map((s) => s.errors).join(' / ')}; half rate ${half[name].errors}; claims ${claims[name].errors}`);
    }
    out('CPU ms per intake (saturation, median round) and per claim');
    cpu('  intake', midCpu(sat.service), midCpu(sat.floor));
    cpu('  claim', claims.service.cpu, claims.floor.cpu);
    out('Service routing with more worker processes (end to end at saturation)');
    for (const { workers: count, result } of scaling) {
      row(`  ${count} worker(s): routed/s (accepted/s)`, `${fmt(result.routedPerSec)} (${fmt(result.intakePerSec)})`, '', fmt(result.routedPerSec / scaling[0].result.routedPerSec, 2));
      out(`    CPU ms per intake: api ${fmt(result.cpu.http, 2)}, workers ${fmt(result.cpu.routing, 2)}, PostgreSQL ${fmt(result.cpu.postgres, 2)}`);
    }
    out('Peak RSS (VmHWM) MiB');
    for (const [name, mib] of rss) row(`  ${name}`, fmt(mib), '');
    out(`Took ${((performance.now() - started) / 1000).toFixed(1)} s (without the build); scaling ran ${SCALING_INTAKES} intakes a step.`);
    // A labelled body the service refuses (4xx) means the bench sends invalid intakes; a 5xx is never acceptable.
    const refused = (name: 'service' | 'floor'): number => sat[name].reduce((n, round) => n + round.refused, half[name].refused);
    const problems = [
      ...(refused('service') > 0 ? [`service refused ${refused('service')} intake(s) with 4xx or 5xx: a labelled body is invalid or the service failed`] : []),
      ...(refused('floor') > 0 ? [`floor refused ${refused('floor')} intake(s): the bench is broken`] : []),
      ...(serviceLost > 0 ? [`service lost ${serviceLost} accepted intake(s)`] : []),
      ...(floorLost > 0 ? [`floor lost ${floorLost} accepted intake(s): the bench is broken`] : []),
      ...(doubleClaims > 0 ? [`service handed out ${doubleClaims} case(s) twice`] : []),
      ...(claims.floor.doubleClaims > 0 ? [`floor handed out ${claims.floor.doubleClaims} case(s) twice: the bench is broken`] : []),
      ...(claims.service.inconsistent > 0 ? [`service claims and the database disagree on ${claims.service.inconsistent} case(s)`] : []),
      ...(claims.floor.inconsistent > 0 ? [`floor claims and the database disagree on ${claims.floor.inconsistent} case(s)`] : []),
    ];
    for (const problem of problems) out(`FAILED: ${problem}`);
    failed = problems.length > 0;
    out(
      JSON.stringify({
        intakePerSec: rounded(intakePerSec),
        floorIntakePerSec: rounded(floorIntakePerSec),
        intakeRatio: rounded(ratio(intakePerSec, floorIntakePerSec), 2),
        routedPerSec: rounded(routedPerSec),
        floorRoutedPerSec: rounded(floorRoutedPerSec),
        routedRatio: rounded(ratio(routedPerSec, floorRoutedPerSec), 2),
        acceptToWorklistP99Ms: rounded(half.service.toWorklistP99, 1),
        claimPerSec: rounded(claims.service.perSec),
        floorClaimPerSec: rounded(claims.floor.perSec),
        claimRatio: rounded(ratio(claims.service.perSec, claims.floor.perSec), 2),
        doubleClaims,
        lost: serviceLost,
      }),
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await service.db.end().catch(() => undefined);
    await floor.db.end().catch(() => undefined);
    if (failed) for (const child of children) progress(`--- last lines of ${child.name} (${child.logFile}) ---\n${child.tail(10)}`);
    await cleanUp();
    await admin.end();
    if (!failed && !KEEP_LOGS) rmSync(logDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
