import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '#libs/audit';
import { scrubFreeText } from '#libs/privacy';
import type { Level, Team } from '#libs/classification';
import { Intake } from '#libs/intake';
import type { JsonObject } from '#libs/queue';
import { RegionsService, type RegionSettings } from '#libs/regions';
import { canWorkOn, type Actor, type WorklistKey } from '#libs/staff';
import type { ClassificationResult } from '#libs/classification';
import { CaseClassificationService } from './case-classification.service.js';
import { CaseWriter, type LockedCase } from './case-writer.js';
import { CaseEvent, type CaseEventType } from './case-event.entity.js';
import { MANUAL_STATUSES, type CaseResult, type CaseStatus } from './case-lifecycle.js';
import { CaseNote } from './case-note.entity.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { Handoff } from './handoff.entity.js';
import { positionTimestamp, rangesAfter, type WorklistPageRequest, type WorklistPosition } from './worklist-page.js';

export interface NewRoutedCase {
  intakeId: string;
  regionCode: string | null;
  team: Team;
  level: Level;
  data: JsonObject;
  /** The classification's markers, carried onto the case. */
  markers: CaseMarkers;
}

/** A routed intake's case, with when its clocks start and its region's settings (read once per batch). */
export interface RoutedCase {
  input: NewRoutedCase;
  clockStart: Date;
  settings?: RegionSettings;
}

/** How many cases a worklist holds open, and how many of them are past their next deadline. */
export interface WorklistLoad {
  regionCode: string | null;
  team: Team;
  open: number;
  overdue: number;
}

export interface CaseMarkers {
  urgent: boolean;
  consentToConfirm: boolean;
  contradiction: boolean;
}

export interface CaseDetail {
  case: Case;
  intake: Intake;
  events: CaseEvent[];
  notes: CaseNote[];
  followUps: Case[];
  pendingHandoff: Handoff | null;
  /** Contact details are shown only to the team that holds the case. */
  showContact: boolean;
  /** The classification that holds: a triage decision over the automatic one. */
  classification: ClassificationResult | null;
}

export interface StatusChange {
  status: CaseStatus;
  result?: CaseResult;
  note?: string;
}

/** One page of a worklist: its cases, where the next page starts (null: this was the last), the open cases in all. */
export interface WorklistPage {
  cases: Case[];
  next: WorklistPosition | null;
  /** Counted for the first page only (a request without a position): the count reads the whole worklist's index. */
  total: number | null;
}

export function worklistOf(c: Pick<Case, 'regionCode' | 'team'>): WorklistKey {
  return { regionCode: c.regionCode, team: c.team };
}

/** The open cases of one worklist, unordered. */
function worklistCases(manager: EntityManager, key: WorklistKey): SelectQueryBuilder<Case> {
  const query = manager.createQueryBuilder(Case, 'c');
  if (key.regionCode === null) query.where('c.region_code IS NULL');
  else query.where('c.region_code = :regionCode', { regionCode: key.regionCode });
  return query.andWhere('c.team = :team', { team: key.team }).andWhere(`c.status <> 'closed'`);
}

/**
 * The cases of one worklist, most urgent deadline first. The order is that of the indexes case_open_worklist and
 * case_claimable, of the claim (CaseWriter.claimNext) and the keys of a page's cursor (worklist-page.ts): change all of
 * them together.
 */
function worklistQuery(manager: EntityManager, key: WorklistKey): SelectQueryBuilder<Case> {
  return (
    worklistCases(manager, key)
      // Urgent cases (crisis, housing emergency) come first in every worklist, then the nearest deadline.
      .orderBy('c.urgent', 'DESC')
      .addOrderBy('c.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
  );
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly regions: RegionsService,
    private readonly writer: CaseWriter,
    private readonly audit: AuditService,
    private readonly classifications: CaseClassificationService,
  ) {}

  /**
   * Opens the cases that routing creates for intakes, in one statement; called inside the routing transaction. The
   * SLA clocks count from `clockStart`: when the question arrived, so a late routing does not give the team extra time.
   */
  async openRoutedCases(manager: EntityManager, routed: readonly RoutedCase[]): Promise<Case[]> {
    // No look for an earlier case: routing holds the intakes' row locks and routes only unclassified intakes, and
    // the unique index case_one_routed_per_intake stands behind that.
    return this.writer.openAll(
      manager,
      null,
      routed.map(({ input, clockStart, settings }) => ({
        input: { intakeId: input.intakeId, origin: 'routing', regionCode: input.regionCode, team: input.team, level: input.level, ...input.markers, clockStart, settings },
        event: { data: input.data },
      })),
    );
  }

  /** Open and overdue (past their next deadline) cases per worklist that has any; for the operator's metrics. */
  async openCasesPerWorklist(): Promise<WorklistLoad[]> {
    // A scan of the partial index case_open_worklist (its rows are exactly the open cases).
    const rows = await this.dataSource.query<{ region_code: string | null; team: Team; open: number; overdue: number }[]>(
      `SELECT region_code, team, count(*)::int AS open, (count(*) FILTER (WHERE next_due_at < now()))::int AS overdue
       FROM "case" WHERE status <> 'closed' GROUP BY region_code, team`,
    );
    return rows.map((row) => ({ regionCode: row.region_code, team: row.team, open: row.open, overdue: row.overdue }));
  }

  /** Every case of an intake: the routed one and its follow-ups. */
  async casesOfIntake(intakeId: string): Promise<Case[]> {
    return this.cases.find({ where: { intakeId }, order: { createdAt: 'ASC' } });
  }

  /**
   * A page of the open cases of one worklist, the most urgent deadline first, after `after` (see worklist-page.ts).
   * One snapshot (repeatable read) for the page's index runs and the count, so that a case that changes meanwhile
   * cannot show up twice in one page, and the total belongs to the page.
   */
  async worklistPage(actor: Actor, key: WorklistKey, { limit, after }: WorklistPageRequest): Promise<WorklistPage> {
    this.assertWorklistAccess(actor, key);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // One more than asked: whether it exists says whether there is a next page.
      const found: { entity: Case; position: WorklistPosition }[] = [];
      for (const range of rangesAfter(after)) {
        const { entities, raw } = await worklistQuery(manager, key)
          .andWhere(range.where, range.params)
          .addSelect(positionTimestamp('c.next_due_at'), 'position_due')
          .addSelect(positionTimestamp('c.created_at'), 'position_created')
          .limit(limit + 1 - found.length)
          .getRawAndEntities<{ c_id: string; position_due: string | null; position_created: string }>();
        const exact = new Map(raw.map((row) => [row.c_id, row]));
        for (const entity of entities) {
          const { position_due: nextDueAt, position_created: createdAt } = exact.get(entity.id)!;
          found.push({ entity, position: { urgent: entity.urgent, nextDueAt, createdAt, id: entity.id } });
        }
        if (found.length > limit) break;
      }
      const page = found.slice(0, limit);
      const hasNext = found.length > limit;
      let total: number | null = null;
      if (after === null && !hasNext) total = page.length;
      else if (after === null) {
        // count(*), not getCount(): that counts DISTINCT ids, which the index-only scan cannot answer as cheaply.
        const counted = await worklistCases(manager, key).select('count(*)::int', 'total').getRawOne<{ total: number }>();
        total = counted?.total ?? 0;
      }
      return { cases: page.map((row) => row.entity), next: hasNext ? page[page.length - 1].position : null, total };
    });
  }

  /**
   * Gives the caller the unassigned case with the earliest deadline. Row locking with SKIP LOCKED means two case
   * workers claiming at the same moment never get the same case, and neither waits for the other.
   */
  async claimNext(actor: Actor, key: WorklistKey): Promise<Case | null> {
    this.assertWorklistAccess(actor, key);
    return this.writer.claimNext(this.dataSource.manager, actor, key);
  }


  /** The whole case with the intake's personal data; every read is written to the audit log. */
  async detail(actor: Actor, caseId: string, purpose?: string): Promise<CaseDetail> {
    const manager = this.dataSource.manager;
    const { found, pendingHandoff } = await this.findViewable(manager, actor, caseId);
    const holdsCase = canWorkOn(actor, worklistOf(found)) && actor.role !== 'admin';
    const [intake, events, notes, followUps] = await Promise.all([
      manager.findOneByOrFail(Intake, { id: found.intakeId }),
      manager.find(CaseEvent, { where: { caseId }, order: { id: 'ASC' } }),
      holdsCase || actor.role === 'admin' ? manager.find(CaseNote, { where: { caseId }, order: { id: 'ASC' } }) : Promise.resolve([]),
      manager.find(Case, { where: { parentCaseId: caseId }, order: { createdAt: 'ASC' } }),
    ]);
    await this.audit.record({ actor, action: 'case.read', caseId, reason: purpose === undefined ? null : scrubFreeText(purpose), details: { contactShown: holdsCase && intake.contact !== null } });
    const classification = intake.classification ? await this.classifications.effectiveFor(intake.id, intake.classification) : null;
    return { case: found, intake, events, notes, followUps, pendingHandoff, showContact: holdsCase, classification };
  }

  async changeStatus(actor: Actor, caseId: string, change: StatusChange): Promise<Case> {
    if (!MANUAL_STATUSES.includes(change.status)) {
      throw new CaseError('invalid_transition', `Status ${change.status} is set by claiming or assigning, not by hand.`, 'status');
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, caseId);
      if (actor.role === 'case_worker' && current.assignedTo !== actor.id) {
        throw new CaseError('not_assignee', 'Only the case worker the case is assigned to can change its status; claim it first.');
      }
      return this.writer.apply(manager, actor, current, {
        event: 'status_changed',
        action: change.status === 'closed' ? 'case.closed' : 'case.status_changed',
        status: change.status,
        ...(change.result ? { result: change.result } : {}),
        note: change.note ?? null,
        details: { from: current.status, to: change.status, result: change.result ?? null },
      });
    });
  }

  async addNote(actor: Actor, caseId: string, text: string): Promise<CaseNote> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, caseId);
      if (current.status === 'closed') throw new CaseError('invalid_transition', 'A closed case takes no more notes.');
      const note = await manager.save(manager.create(CaseNote, { caseId: current.id, authorId: actor.id, text }));
      await this.writer.apply(manager, actor, current, { event: 'note_added', data: { noteId: note.id }, details: {} });
      return note;
    });
  }

  /** Opens a linked case for a team on one of the classification's secondary routes, once a case worker confirms it. */
  async createFollowUp(actor: Actor, caseId: string, input: { team: Team; reason: string }): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const parent = await this.lockVisible(manager, actor, caseId);
      if (parent.status === 'closed') throw new CaseError('invalid_transition', 'A closed case opens no follow-ups.');
      this.assertMayAct(actor, parent);
      const intake = await manager.findOneByOrFail(Intake, { id: parent.intakeId });
      const classification = intake.classification ? await this.classifications.effectiveFor(intake.id, intake.classification) : null;
      const suggestedTeams = classification?.secondaryRoutes ?? [];
      if (parent.regionCode === null) throw new CaseError('invalid_transfer', 'Set the region (triage) before opening follow-up cases.', 'team');
      if (input.team === parent.team || !suggestedTeams.includes(input.team)) {
        throw new CaseError('invalid_transfer', `A follow-up goes to a secondary route of the classification: ${suggestedTeams.filter((t) => t !== parent.team).join(', ') || 'none'}.`, 'team');
      }
      const exists = await manager.existsBy(Case, { parentCaseId: parent.id, team: input.team, origin: 'follow_up' });
      if (exists) throw new CaseError('conflict', `A follow-up case for ${input.team} already exists.`, 'team');
      const created = await this.writer.open(
        manager,
        actor,
        { intakeId: parent.intakeId, origin: 'follow_up', parentCaseId: parent.id, regionCode: parent.regionCode, team: input.team, level: parent.level, clockStart: new Date() },
        { note: input.reason, data: { parentCaseId: parent.id } },
      );
      await this.writer.apply(manager, actor, parent, {
        event: 'follow_up_created',
        note: input.reason,
        data: { followUpCaseId: created.id, team: input.team },
      });
      return created;
    });
  }

  /**
   * A case assigned to a colleague is theirs to move: a case worker may act on it only when it is unassigned or
   * their own. Coordinators and admins may always act.
   */
  assertMayAct(actor: Actor, current: Case): void {
    if (actor.role === 'case_worker' && current.assignedTo !== null && current.assignedTo !== actor.id) {
      throw new CaseError('not_assignee', 'This case is assigned to a colleague; ask them or your coordinator.');
    }
  }

  /** Loads and locks a case the actor may work on (inside the caller's transaction). */
  async lockVisible(manager: EntityManager, actor: Actor, caseId: string): Promise<LockedCase> {
    const found = await this.writer.lock(manager, caseId);
    if (!found || !canWorkOn(actor, worklistOf(found))) throw new CaseError('not_found', 'No case with this id in your worklists.');
    return found;
  }

  /** Checks that a case may move to a worklist: open, a known region, a region for any team but triage, a real move. */
  assertCanMove(current: Case, to: WorklistKey): void {
    if (current.status === 'closed') throw new CaseError('invalid_transition', 'A closed case cannot be moved to another worklist.');
    if (to.regionCode !== null && this.regions.region(to.regionCode) === null) {
      throw new CaseError('invalid_transfer', `Unknown region code ${to.regionCode}.`, 'regionCode');
    }
    if (to.regionCode === null && to.team !== 'triage') {
      throw new CaseError('invalid_transfer', 'A case without a region can only go to a team once a region is set: give regionCode.', 'regionCode');
    }
    if (to.regionCode === current.regionCode && to.team === current.team) {
      throw new CaseError('invalid_transfer', 'The case is already on that worklist.', 'team');
    }
  }

  /** Puts a locked case on another worklist, unassigned and new, with fresh clocks, and records why. */
  async moveTo(
    manager: EntityManager,
    actor: Actor,
    current: LockedCase,
    to: WorklistKey,
    event: { type: CaseEventType; note: string; data?: JsonObject; level?: Level },
  ): Promise<Case> {
    return this.writer.apply(manager, actor, current, {
      event: event.type,
      landOn: { regionCode: to.regionCode, team: to.team, level: event.level ?? current.level },
      note: event.note,
      data: { from: { regionCode: current.regionCode, team: current.team }, to: { regionCode: to.regionCode, team: to.team }, ...event.data },
      details: { toRegion: to.regionCode, toTeam: to.team },
    });
  }

  /** Closes a locked case with a result, e.g. when triage finds the question out of scope. */
  async closeWith(manager: EntityManager, actor: Actor, current: LockedCase, result: CaseResult, note: string, data: JsonObject = {}): Promise<Case> {
    return this.writer.apply(manager, actor, current, { event: 'status_changed', action: 'case.closed', status: 'closed', result, note, data, details: { result } });
  }

  private assertWorklistAccess(actor: Actor, key: WorklistKey): void {
    if (!canWorkOn(actor, key)) throw new CaseError('forbidden', 'This worklist is outside your region or team.');
  }

  /**
   * A case is viewable by those who may work on its worklist, and, while a hand-off to them is pending, by the
   * receiving team. Anything else is reported as not found, so its existence does not leak.
   */
  private async findViewable(manager: EntityManager, actor: Actor, caseId: string): Promise<{ found: Case; pendingHandoff: Handoff | null }> {
    const found = await manager.findOneBy(Case, { id: caseId });
    const pendingHandoff = found ? await manager.findOneBy(Handoff, { caseId, status: 'pending' }) : null;
    const receiving = pendingHandoff !== null && canWorkOn(actor, { regionCode: pendingHandoff.toRegionCode, team: pendingHandoff.toTeam });
    if (!found || !(canWorkOn(actor, worklistOf(found)) || receiving)) throw new CaseError('not_found', 'No case with this id in your worklists.');
    return { found, pendingHandoff };
  }
}
