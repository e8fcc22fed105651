// The fault suite: real processes, real faults. Starts a redis-server of its own on a spare port, and for each fault
// a database and queue prefix of its own with the built api and worker as child processes; streams intakes, breaks
// something in the middle, and prints after recovery
//   <fault>: sent N, accepted N, routed N, lost 0, duplicated 0, stuck 0, recovered in X s (bound B s)
// Exits non-zero when a count that must be zero is not, an intake was never accepted, a client got an answer other
// than 201, 503 or a lost connection, or recovery took longer than the bound. Everything it started is removed.
//   npm run test:faults
//   FAULTS=worker-sigkill,failing-region FAULT_INTAKES=300 FAULT_RECOVERY_BOUND_S=20 FAULT_KEEP_LOGS=1 npm run test:faults
//   FAULT_SERVICE_ENV=ROUTING_STRAGGLER_MS=600000 FAULTS=redis-restart-empty npm run test:faults   (without the sweep: fails)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { IntakeStream } from './client.js';
import { FAULTS, type Fault, type FaultContext } from './faults.js';
import { killAll, RedisServer, Service, sleep, sparePort } from './processes.js';
import { awaitRecovery, storedIntakes, tally } from './verify.js';

const POSTGRES = process.env.FAULT_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const INTAKES = Number(process.env.FAULT_INTAKES ?? 300);
const BOUND_S = Number(process.env.FAULT_RECOVERY_BOUND_S ?? 20);
/** After recovery, how long the suite keeps watching for a late duplicate (a stalled or retried job running again). */
const SETTLE_MS = Number(process.env.FAULT_SETTLE_MS ?? 2000);
const SELECTED = process.env.FAULTS?.split(',').map((name) => name.trim()).filter(Boolean);
const KEEP_LOGS = process.env.FAULT_KEEP_LOGS === '1';
/** Overrides of the service's environment, e.g. FAULT_SERVICE_ENV=ROUTING_STRAGGLER_MS=600000 (to see a fault bite). */
const SERVICE_OVERRIDES = Object.fromEntries(
  (process.env.FAULT_SERVICE_ENV ?? '')
    .split(',')
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()]),
);

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The service's environment for one fault: quick sweeps so recovery takes seconds, not minutes. */
function serviceEnv(fault: Fault, databaseUrl: string, redisUrl: string, queuePrefix: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    NODE_ENV: 'test',
    JWT_SECRET: 'fault-suite-secret-long-enough',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    // Demo accounts (for demo-admin), but no demo intakes: the suite counts its own.
    DEMO_SEED: 'true',
    DEMO_CASES: 'false',
    OUTBOX_POLL_MS: '200',
    SWEEP_INTERVAL_MS: '1000',
    ROUTING_STRAGGLER_MS: '3000',
    SHUTDOWN_DRAIN_MS: '5000',
    // Hundreds of citizens a second, all from this one address: the per-address limits would turn them away.
    RATE_LIMIT_INTAKES_PER_MINUTE: '1000000',
    RATE_LIMIT_STATUS_PER_MINUTE: '1000000',
    ...fault.env,
    ...SERVICE_OVERRIDES,
  };
}

/** Databases created by a fault that is still running: dropped on Ctrl-C too. */
const liveDatabases = new Set<string>();

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    liveDatabases.delete(name);
  } finally {
    await client.end();
  }
}

interface Outcome {
  name: string;
  passed: boolean;
  seconds: number;
}

async function runFault(fault: Fault, redis: RedisServer, runId: string, logDir: string): Promise<Outcome> {
  const started = performance.now();
  const databaseName = `werkloket_faults_${runId}_${fault.name.replace(/-/g, '_')}`;
  const databaseUrl = `${POSTGRES}/${databaseName}`;
  const queuePrefix = `werkloket-faults-${runId}-${fault.name}`;
  const port = await sparePort();
  const env = serviceEnv(fault, databaseUrl, redis.url, queuePrefix, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const services: Service[] = [];
  let apis = 0;
  let workers = 0;
  const startApi = async (extraEnv: NodeJS.ProcessEnv = {}): Promise<Service> => {
    apis += 1;
    const api = await Service.start('api', `api #${apis}`, { ...env, ...extraEnv }, join(logDir, `${fault.name}-api-${apis}.log`));
    services.push(api);
    ctx.api = api;
    return api;
  };
  const startWorker = async (): Promise<Service> => {
    workers += 1;
    const worker = await Service.start('worker', `worker #${workers}`, env, join(logDir, `${fault.name}-worker-${workers}.log`));
    services.push(worker);
    ctx.worker = worker;
    return worker;
  };
  const ctx = {
    baseUrl,
    databaseUrl,
    databaseName,
    adminDatabaseUrl: `${POSTGRES}/postgres`,
    queuePrefix,
    redis,
    intakes: INTAKES,
    env,
    startApi,
    startWorker,
    stream: (options) => new IntakeStream({ ...options, baseUrl, label: fault.name }),
  } as FaultContext;

  const problems: string[] = [];
  let passed = false;
  try {
    // The api creates the database and runs the migrations; the worker starts once that is done.
    liveDatabases.add(databaseName);
    await startApi();
    await startWorker();
    const run = await fault.run(ctx);
    await run.stream.done;
    problems.push(...run.problems);
    const expectFailure = run.expectFailure ?? (() => false);
    const { recoveredSeconds } = await awaitRecovery(databaseUrl, run.stream.records, expectFailure, run.endedAt, BOUND_S);
    await sleep(SETTLE_MS);
    const t = tally(run.stream.records, await storedIntakes(databaseUrl), expectFailure);
    const after = run.afterRecovery ? await run.afterRecovery({ intakeIds: t.failedIntakeIds, trackingCodes: t.failedTrackingCodes }) : { notes: [], problems: [] };
    problems.push(...after.problems);

    const { stream } = run;
    if (t.accepted !== stream.sent) problems.push(`${stream.sent - t.accepted} intakes never got a 201 (clients gave up after 60 s; ${t.unacknowledged} of them stored)`);
    const unexpected = stream.unexpectedAnswers();
    if (unexpected.length > 0) problems.push(`answers other than 201, 503 or a lost connection: ${unexpected.join(', ')}`);
    if (t.lost > 0) problems.push(`${t.lost} accepted intakes are not in the database`);
    if (t.duplicated > 0) problems.push(`${t.duplicated} duplicates`);
    if (t.stuck > 0) problems.push(`${t.stuck} intakes not routed${t.parkedUnexpectedly > 0 ? ` (${t.parkedUnexpectedly} parked as routing_failed in a healthy region)` : ''}`);
    if (t.routedDespiteFault > 0) problems.push(`${t.routedDespiteFault} intakes of the failing region were routed: the fault did not bite`);
    if (recoveredSeconds === null) problems.push(`not recovered within the bound of ${BOUND_S} s`);

    const failed = run.expectFailure ? `, failed-as-expected ${t.failedAsExpected}` : '';
    const recovered = recoveredSeconds === null ? `NOT recovered within ${BOUND_S} s` : `recovered in ${recoveredSeconds.toFixed(1)} s (bound ${BOUND_S} s)`;
    out(`${fault.name}: sent ${stream.sent}, accepted ${t.accepted}, routed ${t.routed}${failed}, lost ${t.lost}, duplicated ${t.duplicated}, stuck ${t.stuck}, ${recovered}`);
    const sweepRouted = services
      .filter((s) => s.kind === 'worker')
      .flatMap((s) => [...s.log().matchAll(/Routed (\d+) intake\(s\) whose routing job had not run/g)])
      .reduce((sum, match) => sum + Number(match[1]), 0);
    for (const note of [
      ...run.notes,
      ...after.notes,
      `${stream.requests} requests for ${stream.sent} intakes (${stream.retries} retries with the same Idempotency-Key): ${stream.describeAnswers()}`,
      `routed by the sweep (the safety net): ${sweepRouted}; the rest by their routing jobs`,
    ]) {
      out(`  ${note}`);
    }
    passed = problems.length === 0;
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    out(`${fault.name}: did not complete`);
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await dropDatabase(databaseName).catch((error: unknown) => problems.push(`dropping ${databaseName}: ${String(error)}`));
  }
  for (const problem of problems) out(`  FAILED: ${problem}`);
  if (!passed) {
    for (const service of services) out(`  --- last lines of ${service.name} (${service.logFile}) ---\n${service.tail(15).replace(/^/gm, '    ')}`);
  }
  return { name: fault.name, passed: passed && problems.length === 0, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<number> {
  const started = performance.now();
  const faults = SELECTED ? FAULTS.filter((fault) => SELECTED.includes(fault.name)) : FAULTS;
  if (SELECTED && faults.length !== SELECTED.length) {
    out(`Unknown fault in FAULTS; known: ${FAULTS.map((f) => f.name).join(', ')}`);
    return 2;
  }
  const runId = randomBytes(3).toString('hex');
  const logDir = mkdtempSync(join(tmpdir(), 'werkloket-faults-'));
  const redis = new RedisServer(await sparePort(), logDir);
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    out(`${signal}: stopping`);
    killAll();
    await redis.kill();
    for (const name of liveDatabases) await dropDatabase(name).catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));

  out(`Fault suite: ${faults.length} faults, ${INTAKES} intakes each, recovery bound ${BOUND_S} s, redis-server on port ${redis.port}, logs in ${logDir}`);
  const outcomes: Outcome[] = [];
  try {
    await redis.start();
    for (const fault of faults) outcomes.push(await runFault(fault, redis, runId, logDir));
  } finally {
    await redis.stop();
  }
  const passed = outcomes.filter((o) => o.passed).length;
  const failed = outcomes.length - passed;
  const total = (performance.now() - started) / 1000;
  out(`Fault suite took ${total.toFixed(0)} s (${outcomes.map((o) => `${o.name} ${o.seconds.toFixed(0)} s`).join(', ')})`);
  if (failed === 0 && !KEEP_LOGS) rmSync(logDir, { recursive: true, force: true });
  else out(`Logs kept in ${logDir}`);
  out(`faults: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
