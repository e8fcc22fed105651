// The floor, HTTP half: the least a bare Node program must do for the same durable promises as the service, so the
// benchmark can say how close the service comes. node:http, a pg Pool and ioredis, nothing else.
//   POST /api/v1/intakes                          parse, check role and consent, then intake + outbox row in ONE
//                                                 transaction (one statement), committed before the 201
//   POST /api/v1/worklists/{region}/{team}/claim  HS256 JWT checked with node:crypto, scope checked, then one
//                                                 UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)
//   outbox relay                                  kicked after every commit (and on a timer): up to 100 pending rows
//                                                 under FOR UPDATE SKIP LOCKED, XADD to a Redis stream, marked
//                                                 dispatched, committed only after Redis took them
// Routing (stream → case on a worklist) runs in floor-router.ts, a separate process like the service's worker.
// Environment: FLOOR_PORT, FLOOR_DATABASE_URL, FLOOR_REDIS_URL, FLOOR_PREFIX, FLOOR_JWT_SECRET, FLOOR_POOL (20).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import { streamKey, verifyToken } from './floor-common.js';

const PORT = Number(process.env.FLOOR_PORT ?? 3999);
const SECRET = process.env.FLOOR_JWT_SECRET ?? '';
const PREFIX = process.env.FLOOR_PREFIX ?? 'floor';
const POLL_MS = 1000;
const BATCH = 100;
const MAX_BODY = 64 * 1024;

const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL ?? 20) });
pool.on('error', () => undefined);
const redis = new Redis(process.env.FLOOR_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
redis.on('error', () => undefined);
const STREAM = streamKey(PREFIX);

// ── outbox relay ────────────────────────────────────────────────────────────────────────────────────────────────
let running: Promise<void> | null = null;
let pendingKick = false;

async function relayBatch(): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; intake_id: string }>(
      'SELECT id, intake_id FROM floor_outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
      [BATCH],
    );
    if (rows.length > 0) {
      const pipeline = redis.pipeline();
      for (const row of rows) pipeline.xadd(STREAM, '*', 'intakeId', row.intake_id);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error !== null);
      if (!results || failed) throw failed?.[0] ?? new Error('redis pipeline failed');
      await client.query('UPDATE floor_outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
    }
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function drain(): Promise<void> {
  while ((await relayBatch()) === BATCH);
}

function kick(): void {
  if (running) {
    pendingKick = true;
    return;
  }
  running = drain()
    .catch((error: unknown) => {
      process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`);
    })
    .finally(() => {
      running = null;
      if (pendingKick) {
        pendingKick = false;
        kick();
      }
    });
}
const relayTimer = setInterval(kick, POLL_MS);

// ── HTTP ────────────────────────────────────────────────────────────────────────────────────────────────────────
function answer(response: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status, { 'content-length': '0' });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function intake(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const text = await readBody(request);
  let body: { role?: unknown; consent?: { processing?: unknown } } | null;
  try {
    body = text === null ? null : (JSON.parse(text) as { role?: unknown; consent?: { processing?: unknown } } | null);
  } catch {
    body = null;
  }
  if (body === null || typeof body !== 'object' || typeof body.role !== 'string' || body.consent?.processing !== true) {
    answer(response, 422, { title: 'Invalid intake' });
    return;
  }
  const trackingCode = randomBytes(18).toString('base64url');
  // One statement: the intake and its outbox row commit together, before the 201.
  await pool.query(
    `WITH i AS (INSERT INTO floor_intake (tracking_code, body) VALUES ($1, $2) RETURNING id)
     INSERT INTO floor_outbox (intake_id) SELECT id FROM i`,
    [trackingCode, text],
  );
  answer(response, 201, { trackingCode, status: 'received', statusUrl: `/api/v1/intakes/${trackingCode}` });
  kick();
}

async function claim(request: http.IncomingMessage, response: http.ServerResponse, regionCode: string, team: string): Promise<void> {
  await readBody(request);
  const header = request.headers.authorization ?? '';
  const claims = header.startsWith('Bearer ') ? verifyToken(header.slice(7), SECRET) : null;
  if (!claims) return answer(response, 401, { title: 'Unauthorized' });
  if (!claims.regionCodes.includes(regionCode) || !claims.teams.includes(team)) return answer(response, 403, { title: 'Forbidden' });
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE floor_case SET status = 'assigned', assigned_to = $1
     WHERE id = (SELECT id FROM floor_case WHERE region_code = $2 AND team = $3 AND status = 'new'
                 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [claims.sub, regionCode, team],
  );
  if (rows.length === 0) return answer(response, 204);
  answer(response, 200, { id: rows[0].id, status: 'assigned' });
}

const CLAIM_PATH = /^\/api\/v1\/worklists\/([^/]+)\/([^/]+)\/claim$/;

const server = http.createServer((request, response) => {
  const url = request.url ?? '/';
  let handled: Promise<void> | void;
  if (request.method === 'POST' && url === '/api/v1/intakes') handled = intake(request, response);
  else if (request.method === 'POST' && CLAIM_PATH.test(url)) {
    const [, regionCode, team] = CLAIM_PATH.exec(url) ?? [];
    handled = claim(request, response, regionCode, team);
  } else if (request.method === 'GET' && url === '/health') handled = answer(response, 200, { status: 'ok' });
  else handled = answer(response, 404, { title: 'Not found' });
  if (handled) {
    handled.catch((error: unknown) => {
      process.stderr.write(`request: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!response.headersSent) answer(response, 503, { title: 'Unavailable' });
      else response.destroy();
    });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, '127.0.0.1', () => process.stdout.write(`floor listening on ${PORT}\n`));

process.once('SIGTERM', () => {
  clearInterval(relayTimer);
  server.close();
  server.closeIdleConnections();
  void Promise.resolve(running)
    .then(() => pool.end())
    .finally(() => {
      redis.disconnect();
      process.exit(0);
    });
});
