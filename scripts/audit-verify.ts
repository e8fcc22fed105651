// npm run audit:verify: walks the audit log's hash chain and reports the first broken link (exit 1 when broken
// or when entries older than ten minutes are not sealed). Read-only; connects with DATABASE_URL.
import pg from 'pg';
import { verifyChain, type Query } from '#libs/audit';
import { loadConfig } from '#libs/config';

const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL });
const client = new pg.Client({ connectionString: config.databaseUrl });
await client.connect();
try {
  const query: Query = async <T>(sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as T[];
  const report = await verifyChain(query);
  process.stdout.write(
    report.firstBroken
      ? `audit log: BROKEN at seal ${report.firstBroken.seq} (entry ${report.firstBroken.entryId}): ${report.firstBroken.reason}; ${report.checked} seals hold before it\n`
      : `audit log: ${report.checked} seals hold; ${report.unsealed} entries older than ten minutes unsealed\n`,
  );
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await client.end();
}
