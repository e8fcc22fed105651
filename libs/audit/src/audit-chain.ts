import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain. Entries are written by many transactions at once; sealing them afterwards, one
 * sealer at a time, keeps that write path free of a global lock. A seal links one entry to the seal before it:
 * hash = sha256(previous hash + "\n" + the entry's canonical text). Changing, removing or reordering a sealed entry
 * (which only the database owner can, with the append-only trigger switched off) breaks every link after it.
 *
 * Works on a plain query function, so the service, the admin endpoint and `npm run audit:verify` share it.
 */
export type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

/** Any fixed number: one sealer at a time across processes. */
const SEAL_LOCK = 727_003;
const GENESIS = '0'.repeat(64);

/**
 * The entry as text, independent of the session's time zone or date style: the time in microseconds since the epoch,
 * the JSON details as PostgreSQL normalises them.
 */
const CANONICAL = `json_build_array(a.id::text, (extract(epoch FROM a.at) * 1000000)::bigint::text, a.actor_id, a.actor_username,
  a.action, a.case_id, a.reason, a.details)::text`;

export function linkHash(previous: string, canonical: string): string {
  return createHash('sha256').update(`${previous}\n${canonical}`).digest('hex');
}

/**
 * Seals the entries not sealed yet, oldest id first, up to `limit`; run inside a transaction. Returns how many.
 * An entry committed late (a smaller id after larger ones were sealed) is sealed when it shows up: the chain's order
 * is the sealing order, kept in `seq`.
 */
export async function sealPending(query: Query, limit = 5000): Promise<number> {
  await query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
  const [last] = await query<{ seq: string; hash: string; entry_id: string }>(`SELECT seq, hash, entry_id FROM audit_seal ORDER BY seq DESC LIMIT 1`);
  // Only near the end of the log: a transaction does not stay open across a million audit entries.
  const pending = await query<{ id: string; canonical: string }>(
    `SELECT a.id, ${CANONICAL} AS canonical FROM audit_log a
     WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.entry_id = a.id)
     ORDER BY a.id LIMIT $2`,
    [Math.max(0, Number(last?.entry_id ?? 0) - 1_000_000), limit],
  );
  if (pending.length === 0) return 0;
  const seqs: number[] = [];
  const hashes: string[] = [];
  let seq = Number(last?.seq ?? 0);
  let hash = last?.hash ?? GENESIS;
  for (const entry of pending) {
    seq += 1;
    hash = linkHash(hash, entry.canonical);
    seqs.push(seq);
    hashes.push(hash);
  }
  // The whole batch of links in one statement: sealing thousands of entries is one round trip, not thousands.
  await query(`INSERT INTO audit_seal (seq, entry_id, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`, [
    seqs,
    pending.map((entry) => entry.id),
    hashes,
  ]);
  return pending.length;
}

export interface ChainReport {
  ok: boolean;
  /** Seals checked, from the first. */
  checked: number;
  /** Entries older than the grace period that no seal covers yet (a stopped sealer, or a removed seal). */
  unsealed: number;
  /** The first link that does not hold, or null. */
  firstBroken: { seq: string; entryId: string; reason: string } | null;
}

/** Walks the whole chain from the first seal; reports the first broken link. Read-only. */
export async function verifyChain(query: Query, options: { unsealedGraceSeconds?: number; batch?: number } = {}): Promise<ChainReport> {
  const batch = options.batch ?? 5000;
  let previous = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let firstBroken: ChainReport['firstBroken'] = null;
  for (;;) {
    const rows = await query<{ seq: string; entry_id: string; hash: string; canonical: string | null }>(
      `SELECT s.seq, s.entry_id, s.hash, ${CANONICAL} AS canonical
       FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.entry_id
       WHERE s.seq >= $1 ORDER BY s.seq LIMIT $2`,
      [expectedSeq, batch],
    );
    for (const row of rows) {
      const broken = (reason: string) => ({ seq: row.seq, entryId: row.entry_id, reason });
      if (Number(row.seq) !== expectedSeq) firstBroken = broken(`seal ${expectedSeq} is missing`);
      else if (row.canonical === null) firstBroken = broken('the sealed entry is gone');
      else if (linkHash(previous, row.canonical) !== row.hash) firstBroken = broken('the entry or the chain before it was changed');
      if (firstBroken) break;
      previous = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (firstBroken || rows.length < batch) break;
  }
  const [{ unsealed }] = await query<{ unsealed: number }>(
    `SELECT count(*)::int AS unsealed FROM audit_log a
     WHERE a.at < now() - make_interval(secs => $1) AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.entry_id = a.id)`,
    [options.unsealedGraceSeconds ?? 600],
  );
  return { ok: firstBroken === null && unsealed === 0, checked, unsealed, firstBroken };
}
