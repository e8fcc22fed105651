import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Team } from '#libs/classification';
import { RegionsService } from '#libs/regions';
import { canWorkOn, CaseWorker, isCoordinatorOf, type Actor, type WorklistKey } from '#libs/staff';
import { CaseWriter, type LockedCase } from './case-writer.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { assignFairly } from './fair-assignment.js';

export interface AssignmentRequest {
  caseIds: string[];
  /** null releases the cases back to the worklist. */
  assigneeId: string | null;
  reason: string;
}

/** Any fixed number: serialises automatic assignment runs per worklist across worker processes. */
const AUTO_ASSIGN_LOCK = 58_120_117;

/** Who works which case: coordinators assign, reassign and release; optional automatic fair assignment. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly writer: CaseWriter,
  ) {}

  /** Assigns, reassigns or releases cases of one worklist, all or nothing. */
  async assign(actor: Actor, key: WorklistKey, request: AssignmentRequest): Promise<Case[]> {
    if (!isCoordinatorOf(actor, key)) throw new CaseError('forbidden', 'Only a coordinator of this worklist assigns its cases.');
    return this.dataSource.transaction(async (manager) => {
      // Lock order in assignment: case workers before cases (as automatic assignment does), so the two never deadlock.
      const assignee =
        request.assigneeId === null
          ? null
          : await manager.createQueryBuilder(CaseWorker, 'w').where('w.id = :id AND w.active', { id: request.assigneeId }).setLock('pessimistic_write').getOne();
      if (request.assigneeId !== null && (!assignee || assignee.role === 'analyst' || !canWorkOn(this.asActor(assignee), key))) {
        throw new CaseError('invalid_assignment', 'The assignee is not an active case worker of this worklist.', 'assigneeId');
      }
      const cases = await this.writer.lockAll(manager, manager.createQueryBuilder(Case, 'c').where('c.id IN (:...ids)', { ids: request.caseIds }));
      const byId = new Map(cases.map((c) => [c.id, c]));
      for (const id of request.caseIds) {
        const c = byId.get(id);
        if (!c || c.regionCode !== key.regionCode || c.team !== key.team) throw new CaseError('invalid_assignment', `Case ${id} is not on this worklist.`, 'caseIds');
        if (c.status === 'closed') throw new CaseError('invalid_assignment', `Case ${id} is closed.`, 'caseIds');
      }
      const now = new Date();
      for (const c of cases) {
        if (assignee) {
          await this.writer.apply(manager, actor, c, {
            event: 'assigned',
            ...(c.status === 'new' ? { status: 'assigned' as const } : {}),
            assignedTo: assignee.id,
            note: request.reason,
            data: { assigneeId: assignee.id, previousAssigneeId: c.assignedTo },
          });
        } else if (c.assignedTo !== null) {
          await this.release(manager, c, actor, request.reason);
        }
      }
      if (assignee) await manager.update(CaseWorker, assignee.id, { lastAssignedAt: now });
      return manager.find(Case, { where: { id: In(request.caseIds) }, order: { nextDueAt: 'ASC' } });
    });
  }

  /**
   * Cases assigned to someone who left the worklist (deactivated, or moved to another region or team) go back to
   * it: nobody else could work them otherwise. Run by the maintenance sweep.
   */
  async releaseOrphans(limit = 200): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM "case" c JOIN case_worker w ON w.id = c.assigned_to
       WHERE c.status <> 'closed'
         AND (NOT w.active OR (w.role <> 'admin' AND NOT (w.role IN ('case_worker', 'coordinator')
              AND COALESCE(c.region_code, 'national') = ANY(w.region_codes) AND c.team = ANY(w.teams))))
       ORDER BY c.id LIMIT $1`,
      [limit],
    );
    for (const { id } of rows) {
      await this.dataSource.transaction(async (manager) => {
        const c = await this.writer.lock(manager, id);
        if (c && c.status !== 'closed' && c.assignedTo !== null) await this.release(manager, c, null, 'The assigned case worker no longer works this worklist.');
      });
    }
    return rows.length;
  }

  /** Puts a locked case back on its worklist, unassigned (its clocks resume if they were paused). */
  private async release(manager: EntityManager, c: LockedCase, actor: Actor | null, reason: string): Promise<void> {
    await this.writer.apply(manager, actor, c, { event: 'released', status: 'new', assignedTo: null, note: reason, data: { previousAssigneeId: c.assignedTo } });
  }

  /**
   * Automatic fair assignment of one worklist, when the region switched it on: waiting cases, most urgent first,
   * go to available case workers with room; the rest keep waiting. Safe to run any number of times.
   */
  async autoAssign(regionCode: string, team: Team): Promise<number> {
    const settings = await this.regions.settings(regionCode);
    if (!settings.autoAssignTeams.includes(team)) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUTO_ASSIGN_LOCK, `${regionCode}/${team}`]);
      const candidates = await this.candidates(manager, regionCode, team);
      if (candidates.length === 0) return 0;
      const waiting = await this.writer.lockAll(
        manager,
        manager
          .createQueryBuilder(Case, 'c')
          .where('c.region_code = :regionCode AND c.team = :team AND c.status = :status', { regionCode, team, status: 'new' })
          .orderBy('c.next_due_at', 'ASC', 'NULLS LAST')
          .addOrderBy('c.created_at', 'ASC'),
        { skipLocked: true },
      );
      if (waiting.length === 0) return 0;
      const plan = assignFairly(waiting.map((c) => c.id), candidates, new Date());
      const now = new Date();
      const byId = new Map(waiting.map((c) => [c.id, c]));
      for (const [caseId, caseWorkerId] of plan) {
        await this.writer.apply(manager, null, byId.get(caseId)!, {
          event: 'assigned',
          status: 'assigned',
          assignedTo: caseWorkerId,
          reason: 'automatic fair assignment',
          data: { assigneeId: caseWorkerId, automatic: true },
        });
        await manager.update(CaseWorker, caseWorkerId, { lastAssignedAt: now });
      }
      return plan.size;
    });
  }

  /**
   * The case workers who may receive cases, locked in id order: a person in two teams cannot be filled past their
   * capacity by two worklists at once, and runs never deadlock on each other.
   */
  private async candidates(manager: EntityManager, regionCode: string, team: Team) {
    const locked = await manager.query<{ id: string }[]>(
      `SELECT w.id FROM case_worker w
       WHERE w.active AND w.available AND w.role = 'case_worker' AND $1 = ANY(w.region_codes) AND $2 = ANY(w.teams)
       ORDER BY w.id FOR UPDATE`,
      [regionCode, team],
    );
    if (locked.length === 0) return [];
    const rows = await manager.query<{ id: string; max_open_cases: number | null; last_assigned_at: Date | null; open_cases: number }[]>(
      `SELECT w.id, w.max_open_cases, w.last_assigned_at,
              (SELECT count(*)::int FROM "case" c WHERE c.assigned_to = w.id AND c.status <> 'closed') AS open_cases
       FROM case_worker w WHERE w.id = ANY($1::uuid[])`,
      [locked.map((row) => row.id)],
    );
    return rows.map((row) => ({ id: row.id, openCases: row.open_cases, maxOpenCases: row.max_open_cases, lastAssignedAt: row.last_assigned_at }));
  }

  private asActor(caseWorker: CaseWorker): Actor {
    return { id: caseWorker.id, username: caseWorker.username, role: caseWorker.role, regionCodes: caseWorker.regionCodes, teams: caseWorker.teams };
  }
}
