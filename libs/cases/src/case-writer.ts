import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService, type AuditActor } from '#libs/audit';
import type { JsonObject, OutboxMessage } from '#libs/queue';
import type { RegionSettings } from '#libs/regions';
import { planChange, type CaseChange } from './case-change.js';
import { CaseClocksService } from './case-clocks.service.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { Handoff } from './handoff.entity.js';
import type { CaseOrigin } from './case.entity.js';
import type { Level, Team } from '#libs/classification';

/** What the `created` event of a new case says. */
export interface NewCaseEvent {
  note?: string | null;
  data?: JsonObject;
}

declare const lockedByWriter: unique symbol;
/** A case row locked by the case writer in the current transaction: the only kind of case that can be changed. */
export type LockedCase = Case & { readonly [lockedByWriter]: true };

export interface NewCase {
  intakeId: string;
  origin: CaseOrigin;
  parentCaseId?: string | null;
  regionCode: string | null;
  team: Team;
  level: Level;
  urgent?: boolean;
  consentToConfirm?: boolean;
  contradiction?: boolean;
  /** When the clocks start: the question's arrival for routing, now for a follow-up. */
  clockStart: Date;
  /** The region's settings when the caller has read them already. */
  settings?: RegionSettings;
}

/**
 * The one door every change to a case goes through. Inside the caller's transaction it locks the case, judges the
 * change against the state machine (`planChange`), writes the new row, exactly one history event and exactly one
 * audit entry (linked by the event's id), cancels hand-offs that no longer apply, and schedules the clocks through
 * the outbox, so the deadline jobs reach the queue only once the transaction has committed.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly clocks: CaseClocksService,
    private readonly audit: AuditService,
  ) {}

  /** Locks one case (null when it does not exist). */
  async lock(manager: EntityManager, caseId: string): Promise<LockedCase | null> {
    const [found] = await this.lockAll(manager, manager.createQueryBuilder(Case, 'c').where('c.id = :caseId', { caseId }));
    return found ?? null;
  }

  /**
   * Locks the cases a query finds, in its order. `skipLocked` takes only rows nobody else holds (claiming): two
   * claimers never get the same case and neither waits. Without an order, rows are locked in id order so that
   * two lockers of overlapping sets never deadlock.
   */
  async lockAll(manager: EntityManager, query: SelectQueryBuilder<Case>, options: { skipLocked?: boolean } = {}): Promise<LockedCase[]> {
    assertInTransaction(manager);
    const ordered = Object.keys(query.expressionMap.orderBys).length > 0 ? query : query.orderBy(`${query.alias}.id`, 'ASC');
    const locking = ordered.setLock('pessimistic_write');
    if (options.skipLocked) locking.setOnLocked('skip_locked');
    return (await locking.getMany()) as LockedCase[];
  }

  /** Opens a case on a worklist: new, unassigned, with fresh clocks; its `created` event and audit entry. */
  async open(manager: EntityManager, actor: AuditActor | null, input: NewCase, event: NewCaseEvent = {}): Promise<LockedCase> {
    const [opened] = await this.openAll(manager, actor, [{ input, event }]);
    return opened;
  }

  /**
   * Opens cases as `open` does, all in one statement (rows, `created` events, audit entries, jobs): routing opens a
   * batch of intakes' cases in one round trip. Returns them in the order given.
   */
  async openAll(manager: EntityManager, actor: AuditActor | null, cases: readonly { input: NewCase; event?: NewCaseEvent }[]): Promise<LockedCase[]> {
    assertInTransaction(manager);
    if (cases.length === 0) return [];
    const now = new Date();
    const rows: Partial<Case>[] = [];
    const history: { case_id: string; data: JsonObject; note: string | null; details: JsonObject }[] = [];
    const jobs: OutboxMessage[] = [];
    for (const { input, event = {} } of cases) {
      const worklist = { regionCode: input.regionCode, team: input.team };
      const landing = await this.clocks.landing(worklist, input.level, input.clockStart, input.settings, input.urgent ?? false);
      const values: Partial<Case> = {
        id: randomUUID(),
        intakeId: input.intakeId,
        origin: input.origin,
        parentCaseId: input.parentCaseId ?? null,
        regionCode: input.regionCode,
        team: input.team,
        level: input.level,
        urgent: input.urgent ?? false,
        consentToConfirm: input.consentToConfirm ?? false,
        contradiction: input.contradiction ?? false,
        status: 'new',
        assignedTo: null,
        createdAt: now,
        updatedAt: now,
        ...landing.fields,
      };
      rows.push(values);
      history.push({ case_id: values.id!, data: event.data ?? {}, note: event.note ?? null, details: { regionCode: input.regionCode, team: input.team, origin: input.origin } });
      jobs.push(...this.clocks.deadlineJobs({ ...(values as Case) }, now));
      const assignment = await this.clocks.autoAssignmentJob(worklist, landing.settings);
      if (assignment) jobs.push(assignment);
    }
    const records = rows.map((values) => Object.fromEntries(columnsOf(manager, values)));
    const columns = Object.keys(records[0]);
    if (records.some((record) => Object.keys(record).length !== columns.length)) throw new Error('Cases opened together must set the same columns');
    const actorId = actor?.id ?? null;
    // Inserted in this transaction: nobody else can see them, let alone hold them.
    const inserted = await manager.query<Record<string, unknown>[]>(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(case_id uuid, data jsonb, note text, details jsonb)),
       row AS (
         INSERT INTO "case" (${columns.map((name) => `"${name}"`).join(', ')})
         SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM jsonb_populate_recordset(NULL::"case", $2::jsonb)
         RETURNING *),
       event AS (
         INSERT INTO case_event (case_id, actor_id, type, from_status, to_status, data, note)
         SELECT row.id, $3::uuid, 'created', NULL, 'new', input.data, input.note
         FROM row JOIN input ON input.case_id = row.id RETURNING id, case_id),
       audit AS (
         INSERT INTO audit_log (actor_id, actor_username, action, case_id, reason, details)
         SELECT $3::uuid, $4, 'case.created', event.case_id, NULL, input.details || jsonb_build_object('caseEventId', event.id::text)
         FROM event JOIN input ON input.case_id = event.case_id),
       jobs AS (${OUTBOX_INSERT('$5')})
       SELECT * FROM row`,
      [JSON.stringify(history), JSON.stringify(records), actorId, actor?.username ?? null, outboxRecords(jobs)],
    );
    const byId = new Map(inserted.map((row) => [row.id as string, row]));
    return rows.map((values) => caseFromRow(manager, byId.get(values.id!)!));
  }

  /**
   * Claims the next new case of a worklist (urgent first, then the nearest deadline) for `actor`, in one statement:
   * it locks the case with SKIP LOCKED (two claimers never get the same case, neither waits), writes the row, its
   * `claimed` event and the event's audit entry. The busiest change there is takes one round trip instead of four
   * (begin, lock, write, commit). The statement only takes a case that is new, so unassigned: that is the state
   * `planChange` judges the claim on; a claim moves no clock and sets off no job. Null when nothing is left.
   */
  async claimNext(manager: EntityManager, actor: AuditActor, worklist: { regionCode: string | null; team: Team }): Promise<Case | null> {
    const change: CaseChange = { event: 'claimed', status: 'assigned', assignedTo: actor.id };
    const plan = planChange({ status: 'new', assignedTo: null, ...worklist }, change);
    if (!plan.ok) throw new CaseError('invalid_transition', plan.reason, plan.field);
    const rows = await manager.query<Record<string, unknown>[]>(
      `WITH next AS (
         SELECT id FROM "case"
         WHERE ${worklist.regionCode === null ? 'region_code IS NULL AND $1::text IS NULL' : 'region_code = $1'} AND team = $2 AND status = 'new'
         ORDER BY urgent DESC, next_due_at ASC NULLS LAST, created_at, id
         LIMIT 1 FOR UPDATE SKIP LOCKED),
       row AS (
         UPDATE "case" c SET status = $3, assigned_to = $4, updated_at = now() FROM next WHERE c.id = next.id RETURNING c.*),
       event AS (
         INSERT INTO case_event (case_id, actor_id, type, from_status, to_status, data, note)
         SELECT row.id, $4, 'claimed', 'new', $3, '{}'::jsonb, NULL FROM row RETURNING id, case_id),
       audit AS (
         INSERT INTO audit_log (actor_id, actor_username, action, case_id, reason, details)
         SELECT $4, $5, 'case.claimed', event.case_id, NULL, jsonb_build_object('caseEventId', event.id::text) FROM event)
       SELECT * FROM row`,
      [worklist.regionCode, worklist.team, plan.status, plan.assignedTo, actor.username],
    );
    return rows.length === 0 ? null : caseFromRow(manager, rows[0]);
  }

  /** Applies one change to a locked case and returns it as it is now. Throws `CaseError` when the change is not allowed. */
  async apply(manager: EntityManager, actor: AuditActor | null, current: LockedCase, change: CaseChange): Promise<LockedCase> {
    assertInTransaction(manager);
    const plan = planChange(current, change);
    if (!plan.ok) throw new CaseError('invalid_transition', plan.reason, plan.field);
    const now = new Date();
    let fields: Partial<Case> = {};
    if (change.landOn) {
      const { regionCode, team, level } = change.landOn;
      const landing = await this.clocks.landing({ regionCode, team }, level, now, undefined, current.urgent);
      fields = { regionCode, team, level, ...landing.fields };
    } else if (plan.statusChanged) {
      fields = this.clocks.statusChangeFields(current, plan.status, now, change.result);
    }
    if (change.flag === 'warned') fields.warnedAt = current.warnedAt ?? now;
    if (change.flag === 'escalated') fields.escalatedAt = current.escalatedAt ?? now;
    if (plan.statusChanged) fields.status = plan.status;
    if (change.result !== undefined) fields.result = change.result;
    if (plan.assignedTo !== current.assignedTo) fields.assignedTo = plan.assignedTo;
    const next = { ...current, ...fields } as LockedCase;
    const resumed = current.pausedAt !== null && next.pausedAt === null && next.status !== 'closed';
    const jobs = plan.landed || resumed ? this.clocks.deadlineJobs(next, now) : [];
    // A case waiting on the worklist again, or a case worker with room again: let automatic assignment look.
    if (plan.landed || (plan.statusChanged && (plan.status === 'new' || plan.status === 'closed'))) {
      const assignment = await this.clocks.autoAssignmentJob({ regionCode: next.regionCode, team: next.team });
      if (assignment) jobs.push(assignment);
    }
    const target = Object.keys(fields).length > 0 ? { update: { ...fields, updatedAt: now } } : { unchanged: current };
    const updated = await this.write(manager, actor, target, change, current.status, plan.statusChanged || plan.landed ? plan.status : null, jobs, current.id);

    // Moving away or closing ends every hand-off still waiting for an answer.
    if (plan.landed || (plan.statusChanged && plan.status === 'closed')) {
      await this.cancelPendingHandoffs(manager, actor, updated, plan.landed ? 'The case moved to another worklist.' : 'The case was closed.');
    }
    return updated;
  }

  /**
   * Retention: removes the free text of the locked cases' work (notes, event notes, hand-off reasons) and records
   * it on each case. The classification and the history's shape stay for the statistics.
   */
  async removePersonalText(manager: EntityManager, cases: readonly LockedCase[], retentionDays: number): Promise<void> {
    assertInTransaction(manager);
    if (cases.length === 0) return;
    const ids = cases.map((c) => c.id);
    await manager.query(`UPDATE case_note SET text = '[verwijderd]' WHERE case_id = ANY($1::uuid[])`, [ids]);
    await manager.query(`UPDATE case_event SET note = NULL WHERE note IS NOT NULL AND case_id = ANY($1::uuid[])`, [ids]);
    await manager.query(`UPDATE handoff SET reason = '[verwijderd]', response_reason = NULL WHERE case_id = ANY($1::uuid[])`, [ids]);
    for (const c of cases) await this.apply(manager, null, c, { event: 'personal_data_removed', data: { retentionDays } });
  }

  private async cancelPendingHandoffs(manager: EntityManager, actor: AuditActor | null, c: LockedCase, why: string): Promise<void> {
    const pending = await manager.createQueryBuilder(Handoff, 'h').where('h.case_id = :id AND h.status = :status', { id: c.id, status: 'pending' }).setLock('pessimistic_write').getMany();
    for (const handoff of pending) {
      await manager.update(Handoff, handoff.id, { status: 'cancelled', respondedAt: new Date(), responseReason: why });
      await this.apply(manager, actor, c, { event: 'handoff_cancelled', note: why, data: { handoffId: handoff.id } });
    }
  }

  /**
   * The write itself, in one statement: the case row (updated, or left as it is), its history event, the
   * event's audit entry (naming the event) and the jobs the change sets off, into the outbox.
   */
  private async write(
    manager: EntityManager,
    actor: AuditActor | null,
    target: { update: Partial<Case> } | { unchanged: LockedCase },
    change: Pick<CaseChange, 'event' | 'action' | 'note' | 'data' | 'reason' | 'details' | 'result'>,
    fromStatus: Case['status'] | null,
    toStatus: Case['status'] | null,
    jobs: readonly OutboxMessage[],
    caseId?: string,
  ): Promise<LockedCase> {
    const data = { ...(change.result ? { result: change.result } : {}), ...(change.data ?? {}) } as JsonObject;
    const details = { ...((change.details ?? data) as JsonObject) };
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    let row: string;
    if ('update' in target) {
      const columns = columnsOf(manager, target.update);
      row = `UPDATE "case" SET ${columns.map(([name, value]) => `"${name}" = ${parameter(value)}`).join(', ')} WHERE id = ${parameter(caseId)} RETURNING *`;
    } else {
      row = `SELECT ${parameter(target.unchanged.id)}::uuid AS id`;
    }
    const actorId = parameter(actor?.id ?? null);
    const rows = await manager.query<Record<string, unknown>[]>(
      `WITH row AS (${row}),
       event AS (
         INSERT INTO case_event (case_id, actor_id, type, from_status, to_status, data, note)
         SELECT row.id, ${actorId}::uuid, ${parameter(change.event)}, ${parameter(toStatus === null ? null : fromStatus)}, ${parameter(toStatus)},
                ${parameter(JSON.stringify(data))}::jsonb, ${parameter(change.note ?? null)}
         FROM row RETURNING id, case_id),
       audit AS (
         INSERT INTO audit_log (actor_id, actor_username, action, case_id, reason, details)
         SELECT ${actorId}::uuid, ${parameter(actor?.username ?? null)}, ${parameter(change.action ?? `case.${change.event}`)}, event.case_id,
                ${parameter(change.reason ?? null)}, ${parameter(JSON.stringify(details))}::jsonb || jsonb_build_object('caseEventId', event.id::text)
         FROM event),
       jobs AS (${OUTBOX_INSERT(parameter(outboxRecords(jobs)))})
       SELECT * FROM row`,
      parameters,
    );
    // The audit log is append-only and outlives retention: `reason` is only ever a fixed text from the code, never
    // free text (notes and reasons stay on the event it names, which retention empties).
    return 'unchanged' in target ? target.unchanged : caseFromRow(manager, rows[0]);
  }
}

/** The jobs a change sets off, into the outbox (in the change's statement); a job id already there is on its way. */
const OUTBOX_INSERT = (records: string): string => `
  INSERT INTO outbox (queue, job_name, job_id, payload, deliver_at)
  SELECT queue, job_name, job_id, payload, deliver_at
  FROM jsonb_to_recordset(${records}::jsonb) AS job(queue text, job_name text, job_id text, payload jsonb, deliver_at timestamptz)
  ON CONFLICT (job_id) DO NOTHING`;

function outboxRecords(jobs: readonly OutboxMessage[]): string {
  return JSON.stringify(jobs.map((job) => ({ queue: job.queue, job_name: job.jobName, job_id: job.jobId, payload: job.payload, deliver_at: job.deliverAt ?? null })));
}

/** The columns of the given case fields, by their names in the database. */
function columnsOf(manager: EntityManager, values: Partial<Case>): [string, unknown][] {
  const metadata = manager.connection.getMetadata(Case);
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([property, value]) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`Case has no column for ${property}`);
      return [column.databaseName, value];
    });
}

function assertInTransaction(manager: EntityManager): void {
  // A change outside a transaction could be half-written; the writer refuses rather than risk it.
  if (!manager.queryRunner?.isTransactionActive) throw new Error('Case changes run inside a transaction');
}

/** A case row as the database returned it (RETURNING *), as the entity; locked, being this transaction's own write. */
function caseFromRow(manager: EntityManager, row: Record<string, unknown>): LockedCase {
  const entity = new Case();
  const fields = entity as unknown as Record<string, unknown>;
  for (const column of manager.connection.getMetadata(Case).columns) fields[column.propertyName] = row[column.databaseName];
  return entity as LockedCase;
}
