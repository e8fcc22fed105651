import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Level, Role, Route, Team } from '#libs/classification';
import type { CaseResult, CaseStatus, HandoffStatus } from '#libs/cases';
import { caseFacts, handoffFacts, type CaseFacts, type HandoffFacts, type StatusChange } from './case-facts.js';
import { WorkingTimeIndex } from './working-time.js';

/** One refresher at a time (the sweep, a report request, the rebuild script). */
const REFRESH_LOCK = 727_012;

interface CaseRow {
  id: string;
  origin: 'routing' | 'follow_up';
  region_code: string | null;
  team: Team;
  level: Level;
  result: CaseResult | null;
  urgent: boolean;
  clock_started_at: Date;
  first_contact_at: Date | null;
  first_contact_due_at: Date | null;
  close_due_at: Date | null;
  closed_at: Date | null;
  paused_at: Date | null;
  role: Role;
  received_at: Date;
  classification: { level: Level; route: Route; secondaryRoutes?: unknown[]; referrals?: unknown[]; urgent?: boolean } | null;
}

/**
 * Keeps the report tables (report_case, report_handoff) up to date: the cases queued in report_dirty_case by the
 * trigger on case_event are read again with their intake, status history and hand-offs, and their rows rewritten.
 */
@Injectable()
export class ReportFactsService {
  private readonly time = new WorkingTimeIndex();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rewrites the rows of up to `limit` changed cases, oldest change first. Returns how many cases, or null when
   * another refresh is running (it will see to them).
   */
  async refresh(limit = 2000): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [REFRESH_LOCK]);
      if (!locked) return null;
      // TypeORM answers a DELETE … RETURNING with [rows, affected].
      const [taken] = await manager.query<[{ case_id: string }[], number]>(
        `DELETE FROM report_dirty_case WHERE id IN (SELECT id FROM report_dirty_case ORDER BY id LIMIT $1) RETURNING case_id`,
        [limit],
      );
      const ids = [...new Set(taken.map((row) => row.case_id))];
      if (ids.length > 0) await this.rewrite(manager, ids);
      return ids.length;
    });
  }

  /**
   * Refreshes until nothing is queued, another refresher holds the lock, or `max` cases are done (a sweep after a
   * bulk change leaves the rest to the next one). Returns the cases rewritten.
   */
  async refreshAll(batch = 5000, max = 50_000): Promise<number> {
    let total = 0;
    while (total < max) {
      const done = await this.refresh(Math.min(batch, max - total));
      if (!done) return total;
      total += done;
    }
    return total;
  }

  /**
   * Rebuilds every row from the cases (after a bulk load, or to repair): in batches of `batch` cases in id order;
   * what was queued before it started is then done. `progress` hears the count after each batch.
   */
  async rebuildAll(batch = 5000, progress?: (done: number) => void): Promise<number> {
    const [{ mark }] = await this.dataSource.query<{ mark: string | null }[]>('SELECT max(id)::text AS mark FROM report_dirty_case');
    let after = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    for (;;) {
      const ids = (await this.dataSource.query<{ id: string }[]>('SELECT id FROM "case" WHERE id > $1 ORDER BY id LIMIT $2', [after, batch])).map((row) => row.id);
      if (ids.length === 0) break;
      await this.dataSource.transaction((manager) => this.rewrite(manager, ids));
      done += ids.length;
      after = ids.at(-1)!;
      progress?.(done);
    }
    if (mark !== null) await this.dataSource.query('DELETE FROM report_dirty_case WHERE id <= $1', [mark]);
    return done;
  }

  private async rewrite(manager: EntityManager, ids: string[]): Promise<void> {
    // One connection (the transaction's): one query after the other.
    const cases = await manager.query<CaseRow[]>(
        `SELECT c.id, c.origin, c.region_code, c.team, c.level, c.result, c.urgent, c.clock_started_at, c.first_contact_at,
                c.first_contact_due_at, c.close_due_at, c.closed_at, c.paused_at, i.role, i.received_at,
                i.classification - 'reasons' AS classification
         FROM "case" c JOIN intake i ON i.id = c.intake_id WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const changes = await manager.query<{ case_id: string; at: Date; to_status: CaseStatus }[]>(
        `SELECT case_id, at, to_status FROM case_event WHERE case_id = ANY($1::uuid[]) AND to_status IS NOT NULL ORDER BY case_id, id`,
      [ids],
    );
    const handoffs = await manager.query<{ id: string; case_id: string; from_region_code: string | null; from_team: Team; to_region_code: string | null; to_team: Team; status: HandoffStatus; requested_at: Date; respond_by: Date; responded_at: Date | null; overdue_at: Date | null }[]>(
        `SELECT id, case_id, from_region_code, from_team, to_region_code, to_team, status, requested_at, respond_by, responded_at, overdue_at
         FROM handoff WHERE case_id = ANY($1::uuid[])`,
      [ids],
    );
    const history = new Map<string, StatusChange[]>();
    for (const change of changes) {
      const list = history.get(change.case_id) ?? [];
      list.push({ at: change.at, toStatus: change.to_status });
      history.set(change.case_id, list);
    }
    const facts = cases.map((row) =>
      caseFacts(
        {
          id: row.id,
          origin: row.origin,
          regionCode: row.region_code,
          team: row.team,
          level: row.level,
          result: row.result,
          urgent: row.urgent,
          clockStartedAt: row.clock_started_at,
          firstContactAt: row.first_contact_at,
          firstContactDueAt: row.first_contact_due_at,
          closeDueAt: row.close_due_at,
          closedAt: row.closed_at,
          pausedAt: row.paused_at,
          role: row.role,
          receivedAt: row.received_at,
          classification: row.classification
            ? { ...row.classification, secondaryRoutes: row.classification.secondaryRoutes ?? [], referrals: row.classification.referrals ?? [] }
            : null,
        },
        history.get(row.id) ?? [],
        this.time,
      ),
    );
    const handoffRows = handoffs.map((h) =>
      handoffFacts(
        {
          id: h.id,
          caseId: h.case_id,
          fromRegionCode: h.from_region_code,
          fromTeam: h.from_team,
          toRegionCode: h.to_region_code,
          toTeam: h.to_team,
          status: h.status,
          requestedAt: h.requested_at,
          respondBy: h.respond_by,
          respondedAt: h.responded_at,
          overdueAt: h.overdue_at,
        },
        this.time,
      ),
    );
    await manager.query('DELETE FROM report_case WHERE case_id = ANY($1::uuid[]) AND NOT (case_id = ANY($2::uuid[]))', [ids, facts.map((f) => f.caseId)]);
    if (facts.length > 0) await upsertCases(manager, facts);
    await manager.query('DELETE FROM report_handoff WHERE case_id = ANY($1::uuid[])', [ids]);
    if (handoffRows.length > 0) await insertHandoffs(manager, handoffRows);
  }
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

async function upsertCases(manager: EntityManager, facts: CaseFacts[]): Promise<void> {
  const columns: [string, string, (f: CaseFacts) => unknown][] = [
    ['case_id', 'uuid', (f) => f.caseId],
    ['origin', 'text', (f) => f.origin],
    ['region_code', 'text', (f) => f.regionCode],
    ['team', 'text', (f) => f.team],
    ['level', 'text', (f) => f.level],
    ['role', 'text', (f) => f.role],
    ['urgent', 'boolean', (f) => f.urgent],
    ['result', 'text', (f) => f.result],
    ['received_at', 'timestamptz', (f) => iso(f.receivedAt)],
    ['received_week', 'date', (f) => f.receivedWeek],
    ['landed_week', 'date', (f) => f.landedWeek],
    ['closed_week', 'date', (f) => f.closedWeek],
    ['classified_level', 'text', (f) => f.classifiedLevel],
    ['classified_route', 'text', (f) => f.classifiedRoute],
    ['classified_urgent', 'boolean', (f) => f.classifiedUrgent],
    ['has_secondary_routes', 'boolean', (f) => f.hasSecondaryRoutes],
    ['has_referrals', 'boolean', (f) => f.hasReferrals],
    ['clock_started_at', 'timestamptz', (f) => iso(f.clockStartedAt)],
    ['first_contact_at', 'timestamptz', (f) => iso(f.firstContactAt)],
    ['first_contact_due_at', 'timestamptz', (f) => iso(f.firstContactDueAt)],
    ['closed_at', 'timestamptz', (f) => iso(f.closedAt)],
    ['close_due_at', 'timestamptz', (f) => iso(f.closeDueAt)],
    ['paused_at', 'timestamptz', (f) => iso(f.pausedAt)],
    ['contact_tenths', 'integer', (f) => f.contactTenths],
    ['close_tenths', 'integer', (f) => f.closeTenths],
    ['paused', 'boolean', (f) => f.paused],
    ['paused_tenths', 'integer', (f) => f.pausedTenths],
  ];
  await manager.query(
    `INSERT INTO report_case (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
     ON CONFLICT (case_id) DO UPDATE SET ${columns.slice(1).map(([name]) => `${name} = EXCLUDED.${name}`).join(', ')}`,
    columns.map(([, , get]) => facts.map(get)),
  );
}

async function insertHandoffs(manager: EntityManager, facts: HandoffFacts[]): Promise<void> {
  const columns: [string, string, (f: HandoffFacts) => unknown][] = [
    ['handoff_id', 'uuid', (f) => f.handoffId],
    ['case_id', 'uuid', (f) => f.caseId],
    ['from_region_code', 'text', (f) => f.fromRegionCode],
    ['from_team', 'text', (f) => f.fromTeam],
    ['to_region_code', 'text', (f) => f.toRegionCode],
    ['to_team', 'text', (f) => f.toTeam],
    ['status', 'text', (f) => f.status],
    ['requested_at', 'timestamptz', (f) => iso(f.requestedAt)],
    ['response_hours', 'integer', (f) => f.responseHours],
    ['answered_in_time', 'boolean', (f) => f.answeredInTime],
    ['overdue', 'boolean', (f) => f.overdue],
  ];
  await manager.query(
    `INSERT INTO report_handoff (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
    columns.map(([, , get]) => facts.map(get)),
  );
}
