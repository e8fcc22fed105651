// The floor, routing half (a separate process, like the service's worker): reads the Redis stream in a consumer
// group (a message stays pending until acknowledged, so a crash loses nothing, as with BullMQ's active list), and
// for each batch, in ONE transaction, locks the intakes not yet routed, "classifies" them (floorWorklist: a hash of
// the postcode) and opens their cases; acknowledges after the commit. Routing an intake twice opens one case.
// Environment: FLOOR_DATABASE_URL, FLOOR_REDIS_URL, FLOOR_PREFIX.
import { Redis } from 'ioredis';
import pg from 'pg';
import { floorWorklist, ROUTER_GROUP, streamKey } from './floor-common.js';

const PREFIX = process.env.FLOOR_PREFIX ?? 'floor';
const STREAM = streamKey(PREFIX);
const CONSUMER = `router-${process.pid}`;
const BATCH = 100;

const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 2 });
pool.on('error', () => undefined);
const redis = new Redis(process.env.FLOOR_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
redis.on('error', () => undefined);
let stopping = false;

async function route(intakeIds: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; postcode: string | null }>(
      `SELECT id, body->>'postcode' AS postcode FROM floor_intake WHERE id = ANY($1::uuid[]) AND routed_at IS NULL ORDER BY id FOR UPDATE`,
      [intakeIds],
    );
    if (rows.length > 0) {
      const worklists = rows.map((row) => floorWorklist(row.postcode));
      await client.query(
        `INSERT INTO floor_case (intake_id, region_code, team)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (intake_id) DO NOTHING`,
        [rows.map((row) => row.id), worklists.map((w) => w.regionCode), worklists.map((w) => w.team)],
      );
      await client.query('UPDATE floor_intake SET routed_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

type StreamReply = [string, [string, string[]][]][] | null;

async function main(): Promise<void> {
  await redis.xgroup('CREATE', STREAM, ROUTER_GROUP, '0', 'MKSTREAM').catch((error: Error) => {
    if (!error.message.includes('BUSYGROUP')) throw error;
  });
  process.stdout.write('floor router ready\n');
  // First what this consumer left unacknowledged (after a restart), then new messages.
  let cursor = '0';
  while (!stopping) {
    const reply = (await redis.xreadgroup('GROUP', ROUTER_GROUP, CONSUMER, 'COUNT', BATCH, 'BLOCK', 500, 'STREAMS', STREAM, cursor)) as StreamReply;
    const messages = reply?.[0]?.[1] ?? [];
    if (cursor === '0' && messages.length === 0) cursor = '>';
    if (messages.length === 0) continue;
    try {
      await route(messages.map(([, fields]) => fields[fields.indexOf('intakeId') + 1]));
      await redis.xack(STREAM, ROUTER_GROUP, ...messages.map(([id]) => id));
    } catch (error) {
      process.stderr.write(`router: ${error instanceof Error ? error.message : String(error)}\n`);
      cursor = '0';
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

process.once('SIGTERM', () => {
  stopping = true;
});

main()
  .then(async () => {
    await pool.end();
    redis.disconnect();
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`router: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
