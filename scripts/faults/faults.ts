// The five faults. Each gets a fresh database and queue prefix, a running api and worker (separate processes, as
// `npm run start:api` and `npm run start:worker`), streams intakes and breaks something real in the middle. It
// returns when the fault is over (`endedAt`), with the stream still finishing; the runner then waits for recovery.
import pg from 'pg';
import { redisKeyPrefix } from '#libs/queue';
import { BODIES, IntakeStream, type IntakeBody, type StreamOptions } from './client.js';
import { sleep, sparePort, type Exit, type RedisServer, type Service } from './processes.js';

export interface FaultContext {
  baseUrl: string;
  databaseUrl: string;
  databaseName: string;
  /** A connection string for the maintenance database `postgres` (for terminating this database's backends). */
  adminDatabaseUrl: string;
  queuePrefix: string;
  redis: RedisServer;
  intakes: number;
  env: NodeJS.ProcessEnv;
  api: Service;
  worker: Service;
  /** Another api process; `extraEnv` e.g. { PORT } for a second one next to the first. */
  startApi(extraEnv?: NodeJS.ProcessEnv): Promise<Service>;
  startWorker(): Promise<Service>;
  stream(options: Omit<StreamOptions, 'baseUrl' | 'label'>): IntakeStream;
}

export interface FaultRun {
  stream: IntakeStream;
  /** When the fault was over (Redis back, a new worker consuming, killing stopped, a new api serving, the stream done). */
  endedAt: number;
  /** Intakes in these regions are expected to end as routing_failed. */
  expectFailure?: (regionCode: string | null) => boolean;
  /** What happened, for the detail line. */
  notes: string[];
  /** Broken promises found by the fault itself (beyond lost, duplicated, stuck and the recovery bound). */
  problems: string[];
  /** Checks once everything is settled (the failing region: what admins and readiness see). */
  afterRecovery?: (failed: { intakeIds: readonly string[]; trackingCodes: readonly string[] }) => Promise<{ notes: string[]; problems: string[] }>;
}

export interface Fault {
  name: string;
  /** Extra environment of the api and worker for this fault. */
  env?: NodeJS.ProcessEnv;
  run(ctx: FaultContext): Promise<FaultRun>;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const exitText = (exit: Exit): string => (exit.signal ? exit.signal : `code ${exit.code}`);

async function routingJobs(ctx: FaultContext, list: 'wait' | 'active'): Promise<number> {
  return (await ctx.redis.integer(`LLEN ${redisKeyPrefix(ctx.queuePrefix)}:routing:${list}`)) ?? 0;
}

/**
 * Polls a routing list in Redis until it holds `atLeast` jobs (then acts at once); after 5 s settles for one job,
 * after 10 s for none. Returns how many it held.
 */
async function waitForRoutingJobs(ctx: FaultContext, list: 'wait' | 'active', atLeast: number): Promise<number> {
  const from = performance.now();
  for (;;) {
    const jobs = await routingJobs(ctx, list);
    const waited = performance.now() - from;
    if (jobs >= atLeast || (jobs > 0 && waited > 5000) || waited > 10_000) return jobs;
  }
}

/** Redis stopped (SIGKILL, no persistence) mid-stream and started again on the same port, empty. */
const redisRestartEmpty: Fault = {
  name: 'redis-restart-empty',
  async run(ctx) {
    // The worker is held (SIGSTOP) for a moment, as a slow or busy one would be, so Redis holds a backlog of routing
    // jobs when it dies; the worker goes on (SIGCONT) while Redis is away.
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 16, ratePerSecond: 80 });
    await stream.waitForAccepted(Math.floor(ctx.intakes / 5));
    ctx.worker.kill('SIGSTOP');
    const jobs = await waitForRoutingJobs(ctx, 'wait', 3);
    const keys = (await ctx.redis.integer('DBSIZE')) ?? 0;
    const acceptedBefore = stream.accepted;
    await ctx.redis.kill();
    const downAt = performance.now();
    ctx.worker.kill('SIGCONT');
    // Intakes keep coming while Redis is away: the api stores them with their outbox rows.
    await sleep(1500);
    const acceptedWhileDown = stream.accepted - acceptedBefore;
    await ctx.redis.start();
    const endedAt = performance.now();
    const keysAfter = (await ctx.redis.integer('DBSIZE')) ?? -1;
    return {
      stream,
      endedAt,
      notes: [
        `redis-server SIGKILLed holding ${keys} keys (${jobs} routing jobs waiting), down ${seconds(endedAt - downAt)} s, back empty (${keysAfter} keys)`,
        `${acceptedWhileDown} intakes accepted while Redis was down`,
      ],
      problems: jobs === 0 ? ['no routing job was waiting in Redis when it died: the fault did not bite'] : [],
    };
  },
};

/** A separate worker process SIGKILLed while it runs routing jobs; a new one started two seconds later. */
const workerSigkill: Fault = {
  name: 'worker-sigkill',
  async run(ctx) {
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 16, ratePerSecond: 80 });
    await stream.waitForAccepted(Math.floor(ctx.intakes / 3));
    // Mid-batch: wait until the worker runs several jobs at once (it runs up to 8), then kill it at once.
    const active = await waitForRoutingJobs(ctx, 'active', 4);
    ctx.worker.kill('SIGKILL');
    const exit = await ctx.worker.exited;
    const killedAt = performance.now();
    // No worker for two seconds: jobs pile up in Redis; the killed worker's running jobs are stalled.
    await sleep(2000);
    const waiting = await routingJobs(ctx, 'wait');
    await ctx.startWorker();
    const endedAt = performance.now();
    return {
      stream,
      endedAt,
      notes: [
        `worker SIGKILLed (${exitText(exit)}) with ${active} routing jobs running; ${waiting} jobs waiting when a new worker started ${seconds(endedAt - killedAt)} s later`,
      ],
      problems: active === 0 ? ['the worker had no running job when it was killed (nothing mid-batch)'] : [],
    };
  },
};

/** Every backend of the database terminated again and again for five seconds: mid-query, mid-commit, mid-routing. */
const dbBackendsTerminated: Fault = {
  name: 'db-backends-terminated',
  async run(ctx) {
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 8, ratePerSecond: 40 });
    await stream.waitForAccepted(Math.floor(ctx.intakes / 3));
    const killer = new pg.Client({ connectionString: ctx.adminDatabaseUrl });
    await killer.connect();
    let terminated = 0;
    let rounds = 0;
    const started = performance.now();
    try {
      while (performance.now() - started < 5000) {
        const result = await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [ctx.databaseName]);
        terminated += result.rowCount ?? 0;
        rounds += 1;
        await sleep(10 + Math.random() * 30);
      }
    } finally {
      await killer.end();
    }
    const endedAt = performance.now();
    const problems: string[] = [];
    // A backend dying under a pooled connection must never crash a process.
    await sleep(500);
    if (!ctx.api.alive) problems.push(`the api process died (${exitText(await ctx.api.exited)})`);
    if (!ctx.worker.alive) problems.push(`the worker process died (${exitText(await ctx.worker.exited)})`);
    return {
      stream,
      endedAt,
      notes: [`${terminated} backends terminated in ${rounds} rounds over ${seconds(endedAt - started)} s (api, worker, relay and sweep connections alike)`],
      problems,
    };
  },
};

/** SIGTERM to the api in the middle of a burst from 32 clients; a new api starts once the old one has exited. */
const apiSigtermBurst: Fault = {
  name: 'api-sigterm-burst',
  async run(ctx) {
    const drainMs = Number(ctx.env.SHUTDOWN_DRAIN_MS);
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 32 });
    await stream.waitForAccepted(Math.floor(ctx.intakes / 4));
    const api = ctx.api;
    const acceptedBefore = stream.accepted;
    const signalledAt = performance.now();
    api.kill('SIGTERM');
    const exit = await api.exited;
    const exitMs = exit.at - signalledAt;
    const restartedAt = performance.now();
    await ctx.startApi();
    const endedAt = performance.now();
    const problems: string[] = [];
    // The bound of the README: drain time plus two seconds (and one more for a loaded machine).
    if (exitMs > drainMs + 3000) problems.push(`the api took ${seconds(exitMs)} s to exit after SIGTERM (drain ${seconds(drainMs)} s)`);
    if (exit.code !== 0 && exit.signal !== 'SIGTERM') problems.push(`the api exited with ${exitText(exit)} after SIGTERM`);
    return {
      stream,
      endedAt,
      notes: [
        `api SIGTERMed after ${acceptedBefore} 201s, exited ${seconds(exitMs)} s later (${exitText(exit)}); a new api served ${seconds(endedAt - restartedAt)} s after that`,
      ],
      problems,
    };
  },
};

const FAILING_REGION = 'AM26';
/** Every third question from Midden-Brabant (AM26), the others from healthy regions. */
const failingRegionBody = (index: number): IntakeBody => {
  const inAm26 = BODIES.filter((body) => body.postcode.startsWith('50'));
  const elsewhere = BODIES.filter((body) => !body.postcode.startsWith('50'));
  return index % 3 === 0 ? inAm26[(index / 3) % inAm26.length] : elsewhere[index % elsewhere.length];
};

/**
 * One region whose routing always fails (its case store refuses every insert, as in routing-safety-net.e2e-spec),
 * next to healthy ones. With ROUTING_MAX_ATTEMPTS=1 the sweep parks such an intake at its first failed attempt; with
 * the default 5 the backoff (1, 2, 4, 8 min) would take a quarter of an hour to get there.
 */
const failingRegion: Fault = {
  name: 'failing-region',
  env: { ROUTING_MAX_ATTEMPTS: '1' },
  async run(ctx) {
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    try {
      await db.query(`CREATE FUNCTION fault_refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case store refused (fault suite)'; END $$`);
      await db.query(`CREATE TRIGGER fault_refuse_case BEFORE INSERT ON "case" FOR EACH ROW WHEN (NEW.region_code = '${FAILING_REGION}') EXECUTE FUNCTION fault_refuse_case()`);
    } finally {
      await db.end();
    }
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 8, ratePerSecond: 40, body: failingRegionBody });
    await stream.done;
    const endedAt = performance.now();
    return {
      stream,
      endedAt,
      expectFailure: (regionCode) => regionCode === FAILING_REGION,
      notes: [`routing into ${FAILING_REGION} refused by a trigger on "case" for the whole stream`],
      problems: [],
      afterRecovery: async ({ intakeIds: failedIntakeIds, trackingCodes }) => {
        const problems: string[] = [];
        // The citizen still sees "received": nothing is dropped.
        const statuses = await Promise.all(
          trackingCodes.map(async (code) => ((await (await fetch(`${ctx.baseUrl}/api/v1/intakes/${code}`)).json()) as { status?: string }).status),
        );
        const notReceived = statuses.filter((status) => status !== 'received').length;
        if (notReceived > 0) problems.push(`${notReceived} routing_failed intakes do not show "received" to the citizen`);
        const login = await fetch(`${ctx.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'demo-admin', password: 'demo' }),
        });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const listed = (await (await fetch(`${ctx.baseUrl}/api/v1/admin/routing-failures`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as { intakeId: string; regionCode: string | null }[];
        const listedIds = new Set(listed.map((f) => f.intakeId));
        const missing = failedIntakeIds.filter((id) => !listedIds.has(id)).length;
        if (missing > 0) problems.push(`${missing} routing_failed intakes are not on GET /api/v1/admin/routing-failures`);
        if (listed.some((f) => f.regionCode !== FAILING_REGION)) problems.push('GET /api/v1/admin/routing-failures lists intakes of a healthy region');
        const ready = (await (await fetch(`${ctx.baseUrl}/health/ready`)).json()) as { status: string; routingFailures?: number };
        if (ready.status !== 'degraded' || ready.routingFailures !== failedIntakeIds.length) {
          problems.push(`/health/ready says ${JSON.stringify(ready)} instead of degraded with ${failedIntakeIds.length} routing failures`);
        }
        return {
          notes: [
            `admins see ${listed.length} routing failures at GET /api/v1/admin/routing-failures; /health/ready: ${ready.status}, routingFailures ${ready.routingFailures ?? '?'}; citizens see "received" on ${statuses.length - notReceived} of them`,
          ],
          problems,
        };
      },
    };
  },
};

/**
 * Not a fault but the way past one machine: two api and two worker processes on the same PostgreSQL and Redis. A
 * burst goes through both apis; every intake must be routed exactly once (counted as for the faults), and 50
 * concurrent claimers spread over both apis empty every worklist without ever getting the same case twice.
 */
const scaleOut: Fault = {
  name: 'scale-out',
  async run(ctx) {
    const secondPort = await sparePort();
    await ctx.startApi({ PORT: String(secondPort) });
    await ctx.startWorker();
    const apis = [ctx.baseUrl, `http://127.0.0.1:${secondPort}`];
    const stream = ctx.stream({ count: ctx.intakes, concurrency: 32, baseUrls: apis });
    await stream.done;
    const endedAt = performance.now();
    return {
      stream,
      endedAt,
      notes: [`2 api processes (ports ${new URL(ctx.baseUrl).port} and ${secondPort}) and 2 worker processes; the burst went through both apis`],
      problems: [],
      afterRecovery: async () => {
        const db = new pg.Client({ connectionString: ctx.databaseUrl });
        await db.connect();
        const waiting = await db.query<{ region_code: string | null; team: string; n: string }>(
          `SELECT region_code, team, count(*) AS n FROM "case" WHERE status = 'new' AND region_code IS NOT NULL GROUP BY region_code, team`,
        );
        await db.end();
        const token = await loginAs(ctx.baseUrl, 'demo-admin');
        const claimed: string[] = [];
        let requests = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: 50 }, async (_, claimer) => {
            const api = apis[claimer % apis.length];
            for (const worklist of waiting.rows) {
              for (;;) {
                requests += 1;
                const response = await fetch(`${api}/api/v1/worklists/${worklist.region_code}/${worklist.team}/claim`, {
                  method: 'POST',
                  headers: { Authorization: `Bearer ${token}` },
                });
                if (response.status === 204) break;
                if (response.status !== 200) throw new Error(`claim answered ${response.status}: ${await response.text()}`);
                claimed.push(((await response.json()) as { id: string }).id);
              }
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const expected = waiting.rows.reduce((sum, row) => sum + Number(row.n), 0);
        const doubles = claimed.length - new Set(claimed).size;
        const problems: string[] = [];
        if (doubles > 0) problems.push(`${doubles} cases were claimed twice`);
        if (new Set(claimed).size !== expected) problems.push(`${new Set(claimed).size} cases claimed of ${expected} waiting`);
        return {
          notes: [`50 claimers over both apis claimed ${claimed.length} cases of ${expected} on ${waiting.rows.length} worklists in ${seconds.toFixed(1)} s (${requests} requests), double claims ${doubles}`],
          problems,
        };
      },
    };
  },
};

async function loginAs(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export const FAULTS: readonly Fault[] = [redisRestartEmpty, workerSigkill, dbBackendsTerminated, apiSigtermBurst, failingRegion, scaleOut];
