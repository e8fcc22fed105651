/**
 * Keyset paging of a worklist. A page is read after the sort key of the last case of the page before it
 * (urgent DESC, next_due_at ASC NULLS LAST, created_at ASC, id ASC), never with OFFSET: a case claimed, closed or
 * added between two pages neither repeats nor hides another one, and a deep page costs what the first one does.
 */

export const WORKLIST_PAGE_DEFAULT = 100;
export const WORKLIST_PAGE_MAX = 500;

/**
 * Where a page ended: the sort key of its last case. The timestamps are kept as PostgreSQL has them (UTC,
 * microseconds): a JavaScript Date keeps only milliseconds, and a cursor rounded down would repeat cases.
 */
export interface WorklistPosition {
  urgent: boolean;
  /** YYYY-MM-DDTHH:MM:SS.ffffffZ, or null (no deadline: last within its urgency). */
  nextDueAt: string | null;
  createdAt: string;
  id: string;
}

export interface WorklistPageRequest {
  limit: number;
  /** null: the first page. */
  after: WorklistPosition | null;
}

/** One contiguous run of the open-worklist index, as a WHERE condition on the case alias `c`. */
export interface KeyRange {
  where: string;
  params: Record<string, unknown>;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The first element of a cursor: bump it when the format changes, so that old cursors are refused, not misread. */
const CURSOR_VERSION = 1;

/** PostgreSQL's text of a timestamptz in the form of WorklistPosition (select it with this, alias `c`). */
export const positionTimestamp = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The opaque cursor of a position: base64url of a small JSON array. Clients hand it back; they do not read it. */
export function encodeWorklistCursor(position: WorklistPosition): string {
  const { urgent, nextDueAt, createdAt, id } = position;
  return Buffer.from(JSON.stringify([CURSOR_VERSION, urgent ? 1 : 0, nextDueAt, createdAt, id])).toString('base64url');
}

/** The position in a cursor this service made, or null for anything else. */
export function decodeWorklistCursor(cursor: string): WorklistPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [version, urgent, nextDueAt, createdAt, id] = value as unknown[];
  if (version !== CURSOR_VERSION || (urgent !== 0 && urgent !== 1)) return null;
  if (nextDueAt !== null && !isTimestamp(nextDueAt)) return null;
  if (!isTimestamp(createdAt) || typeof id !== 'string' || !UUID.test(id)) return null;
  const position = { urgent: urgent === 1, nextDueAt, createdAt, id };
  // Only our own spelling: base64 decoding and JSON parsing forgive what this service never writes.
  return encodeWorklistCursor(position) === cursor ? position : null;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The cases after a position, as runs of the index in list order. PostgreSQL compares a row (a, b, c) > (x, y, z)
 * as one index condition only when all its columns sort the same way, and urgent sorts DESC and a NULL deadline
 * compares as unknown: so the rest of the position's urgency and deadline group comes first, then the cases without
 * a deadline, then (after an urgent position) every non-urgent case. Each run starts where the index says, however
 * deep the page.
 */
export function rangesAfter(after: WorklistPosition | null): KeyRange[] {
  if (after === null) return [{ where: 'TRUE', params: {} }];
  const sameUrgency = { afterUrgent: after.urgent, afterCreatedAt: after.createdAt, afterId: after.id };
  const ranges: KeyRange[] =
    after.nextDueAt === null
      ? [
          {
            where: 'c.urgent = :afterUrgent AND c.next_due_at IS NULL AND (c.created_at, c.id) > (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))',
            params: sameUrgency,
          },
        ]
      : [
          {
            where:
              'c.urgent = :afterUrgent AND (c.next_due_at, c.created_at, c.id) > (CAST(:afterDueAt AS timestamptz), CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))',
            params: { ...sameUrgency, afterDueAt: after.nextDueAt },
          },
          { where: 'c.urgent = :afterUrgent AND c.next_due_at IS NULL', params: { afterUrgent: after.urgent } },
        ];
  if (after.urgent) ranges.push({ where: 'c.urgent = FALSE', params: {} });
  return ranges;
}
