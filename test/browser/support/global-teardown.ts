// Removes the run's database and queue keys (the server may still hold connections: FORCE ends them).
import pg from 'pg';
import { Redis } from 'ioredis';
import { DATABASE_NAME, POSTGRES_URL, QUEUE_PREFIX, REDIS_URL } from './server-env.js';

export default async function globalTeardown(): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${DATABASE_NAME}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
