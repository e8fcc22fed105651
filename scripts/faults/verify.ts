// What became of every intake the clients sent: read straight from the fault's own database, never from the service.
import pg from 'pg';
import type { IntakeRecord } from './client.js';
import { sleep } from './processes.js';

export interface StoredIntake {
  id: string;
  tracking_code: string;
  idempotency_key: string | null;
  region_code: string | null;
  classified: boolean;
  route: string | null;
  parked: boolean;
  cases: number;
}

/**
 * The counts of the printed line, per accepted intake (a 201 with a tracking code):
 * - routed: classified, with exactly one routing case (on its region's worklist, or the national triage desk);
 * - failedAsExpected: in a region whose routing is broken on purpose, and parked as routing_failed without a case;
 * - lost: the tracking code of its 201 is not in the database;
 * - duplicated: more than one routing case for one intake, or a stored intake beyond the one per accepted request
 *   (a second intake for its idempotency key: the suite's clients send a key with every request);
 * - stuck: stored, but neither routed nor (where failure is the expected outcome) parked as routing_failed.
 */
export interface Tally {
  accepted: number;
  routed: number;
  failedAsExpected: number;
  lost: number;
  duplicated: number;
  stuck: number;
  /** Stored intakes of requests that never got a 201 (their client gave up): not lost, not duplicated. */
  unacknowledged: number;
  /** Stuck intakes parked as routing_failed although their region was healthy. */
  parkedUnexpectedly: number;
  /** Intakes of the broken region that were routed all the same: the fault did not bite. */
  routedDespiteFault: number;
  failedIntakeIds: string[];
  failedTrackingCodes: string[];
}

export async function storedIntakes(databaseUrl: string): Promise<StoredIntake[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<StoredIntake>(
      `SELECT i.id, i.tracking_code, i.idempotency_key, i.region_code,
              i.classification IS NOT NULL AS classified, i.classification->>'route' AS route,
              i.routing_failed_at IS NOT NULL AS parked,
              (SELECT count(*)::int FROM "case" c WHERE c.intake_id = i.id AND c.origin = 'routing') AS cases
       FROM intake i`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

export function tally(records: readonly IntakeRecord[], stored: readonly StoredIntake[], expectFailure: (regionCode: string | null) => boolean): Tally {
  const byCode = new Map(stored.map((row) => [row.tracking_code, row]));
  const unanswered = new Set(records.filter((record) => record.trackingCode === undefined).map((record) => record.key));
  const result: Tally = { accepted: 0, routed: 0, failedAsExpected: 0, lost: 0, duplicated: 0, stuck: 0, unacknowledged: 0, parkedUnexpectedly: 0, routedDespiteFault: 0, failedIntakeIds: [], failedTrackingCodes: [] };
  const answered = new Set<string>();
  for (const record of records) {
    if (record.trackingCode === undefined) continue;
    result.accepted += 1;
    answered.add(record.trackingCode);
    const row = byCode.get(record.trackingCode);
    if (!row || row.idempotency_key !== record.key) {
      result.lost += 1;
      continue;
    }
    if (row.cases > 1) {
      result.duplicated += 1;
      continue;
    }
    const routed = row.classified && (row.cases === 1 || (row.route === 'none' && row.cases === 0));
    if (expectFailure(row.region_code)) {
      if (row.parked && !row.classified && row.cases === 0) {
        result.failedAsExpected += 1;
        result.failedIntakeIds.push(row.id);
        result.failedTrackingCodes.push(row.tracking_code);
      } else if (routed) {
        result.routedDespiteFault += 1;
      } else {
        result.stuck += 1;
      }
    } else if (routed) {
      result.routed += 1;
    } else {
      result.stuck += 1;
      if (row.parked) result.parkedUnexpectedly += 1;
    }
  }
  // A stored intake no 201 named: a second one for an accepted request's key (or without a key: the suite always sends
  // one), unless its client never got a 201 at all.
  for (const row of stored) {
    if (answered.has(row.tracking_code)) continue;
    if (row.idempotency_key !== null && unanswered.has(row.idempotency_key)) result.unacknowledged += 1;
    else result.duplicated += 1;
  }
  return result;
}

/** Done: every accepted intake has reached its end state (routed, or parked where that is expected). */
const settled = (t: Tally): boolean => t.stuck === 0 && t.routedDespiteFault === 0;

/**
 * Polls the database until every accepted intake is settled or the bound (counted from `since`, the end of the
 * fault) has passed. Returns the last tally and the recovery time in seconds (null when the bound was exceeded).
 */
export async function awaitRecovery(
  databaseUrl: string,
  records: readonly IntakeRecord[],
  expectFailure: (regionCode: string | null) => boolean,
  since: number,
  boundSeconds: number,
): Promise<{ tally: Tally; recoveredSeconds: number | null }> {
  for (;;) {
    const now = performance.now();
    const current = tally(records, await storedIntakes(databaseUrl), expectFailure);
    if (settled(current)) return { tally: current, recoveredSeconds: Math.max(0, now - since) / 1000 };
    if (now - since > boundSeconds * 1000) return { tally: current, recoveredSeconds: null };
    await sleep(200);
  }
}
