import { Injectable } from '@nestjs/common';
import type { JsonObject } from '#libs/queue';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import type { Level, Team } from '#libs/classification';
import { Intake } from '#libs/intake';
import { RegionsService } from '#libs/regions';
import { canWorkOn, type Actor, type WorklistKey } from '#libs/staff';
import { checkTransition, MANUAL_STATUSES, type CaseResult, type CaseStatus } from './case-lifecycle.js';
import { CaseEvent } from './case-event.entity.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';

export interface NewRoutedCase {
  intakeId: string;
  regionCode: string | null;
  team: Team;
  level: Level;
  data: JsonObject;
}

export interface CaseDetail {
  case: Case;
  intake: Intake;
  events: CaseEvent[];
}

export interface StatusChange {
  status: CaseStatus;
  result?: CaseResult;
  note?: string;
}

export interface TransferRequest {
  team: Team;
  regionCode?: string;
  reason: string;
}

function worklistOf(c: Case): WorklistKey {
  return { regionCode: c.regionCode, team: c.team };
}

function regionFilter(alias: string, regionCode: string | null): [string, Record<string, unknown>] {
  return regionCode === null ? [`${alias}.region_code IS NULL`, {}] : [`${alias}.region_code = :regionCode`, { regionCode }];
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly regions: RegionsService,
  ) {}

  /** Opens the case that routing creates for an intake; called inside the routing transaction. */
  async openRoutedCase(manager: EntityManager, input: NewRoutedCase): Promise<Case> {
    const existing = await manager.findOneBy(Case, { intakeId: input.intakeId, origin: 'routing' });
    if (existing) return existing;
    const created = manager.create(Case, {
      intakeId: input.intakeId,
      origin: 'routing',
      regionCode: input.regionCode,
      team: input.team,
      level: input.level,
      status: 'new',
    });
    const saved = await manager.save(created);
    await manager.insert(CaseEvent, { caseId: saved.id, actorId: null, type: 'created', toStatus: 'new', data: input.data });
    return manager.findOneByOrFail(Case, { id: saved.id });
  }

  async findRoutedCaseOfIntake(intakeId: string): Promise<Case | null> {
    return this.cases.findOneBy({ intakeId, origin: 'routing' });
  }

  /** The open cases of one worklist, oldest first. */
  async worklist(actor: Actor, key: WorklistKey): Promise<Case[]> {
    this.assertWorklistAccess(actor, key);
    const [where, params] = regionFilter('c', key.regionCode);
    return this.cases
      .createQueryBuilder('c')
      .where(where, params)
      .andWhere('c.team = :team', { team: key.team })
      .andWhere(`c.status <> 'closed'`)
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * Gives the caller the oldest unassigned case of the worklist. Row locking with SKIP LOCKED means two case
   * workers claiming at the same moment never get the same case, and neither waits for the other.
   */
  async claimNext(actor: Actor, key: WorklistKey): Promise<Case | null> {
    this.assertWorklistAccess(actor, key);
    return this.dataSource.transaction(async (manager) => {
      const [where, params] = regionFilter('c', key.regionCode);
      const next = await manager
        .createQueryBuilder(Case, 'c')
        .where(where, params)
        .andWhere('c.team = :team', { team: key.team })
        .andWhere(`c.status = 'new'`)
        .orderBy('c.created_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!next) return null;
      await manager.update(Case, next.id, { status: 'assigned', assignedTo: actor.id, updatedAt: new Date() });
      await manager.insert(CaseEvent, { caseId: next.id, actorId: actor.id, type: 'claimed', fromStatus: 'new', toStatus: 'assigned' });
      return manager.findOneByOrFail(Case, { id: next.id });
    });
  }

  async detail(actor: Actor, caseId: string): Promise<CaseDetail> {
    const found = await this.findVisible(this.dataSource.manager, actor, caseId);
    const [intake, events] = await Promise.all([
      this.dataSource.manager.findOneByOrFail(Intake, { id: found.intakeId }),
      this.dataSource.manager.find(CaseEvent, { where: { caseId }, order: { id: 'ASC' } }),
    ]);
    return { case: found, intake, events };
  }

  async changeStatus(actor: Actor, caseId: string, change: StatusChange): Promise<Case> {
    if (!MANUAL_STATUSES.includes(change.status)) {
      throw new CaseError('invalid_transition', `Status ${change.status} is set by claiming or transferring, not by hand.`, 'status');
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findVisible(manager, actor, caseId, true);
      if (actor.role === 'case_worker' && current.assignedTo !== actor.id) {
        throw new CaseError('not_assignee', 'Only the case worker the case is assigned to can change its status; claim it first.');
      }
      const check = checkTransition(current.status, change.status, change.result);
      if (!check.ok) throw new CaseError('invalid_transition', check.reason, change.result && change.status !== 'closed' ? 'result' : 'status');
      await manager.update(Case, caseId, { status: change.status, result: change.result ?? null, updatedAt: new Date() });
      await manager.insert(CaseEvent, {
        caseId,
        actorId: actor.id,
        type: 'status_changed',
        fromStatus: current.status,
        toStatus: change.status,
        data: change.result ? { result: change.result } : {},
        note: change.note ?? null,
      });
      return manager.findOneByOrFail(Case, { id: caseId });
    });
  }

  /** Moves a case to another team and/or region; it lands there unassigned, as new. */
  async transfer(actor: Actor, caseId: string, request: TransferRequest): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findVisible(manager, actor, caseId, true);
      if (current.status === 'closed') throw new CaseError('invalid_transition', 'A closed case cannot be transferred.');
      const regionCode = request.regionCode ?? current.regionCode;
      if (regionCode !== null && this.regions.region(regionCode) === null) {
        throw new CaseError('invalid_transfer', `Unknown region code ${regionCode}.`, 'regionCode');
      }
      if (regionCode === null && request.team !== 'triage') {
        throw new CaseError('invalid_transfer', 'A case without a region can only go to a team once a region is set.', 'regionCode');
      }
      if (regionCode === current.regionCode && request.team === current.team) {
        throw new CaseError('invalid_transfer', 'The case is already on that worklist.', 'team');
      }
      await manager.update(Case, caseId, { regionCode, team: request.team, status: 'new', assignedTo: null, updatedAt: new Date() });
      await manager.insert(CaseEvent, {
        caseId,
        actorId: actor.id,
        type: 'transferred',
        fromStatus: current.status,
        toStatus: 'new',
        data: { from: { regionCode: current.regionCode, team: current.team }, to: { regionCode, team: request.team } },
        note: request.reason,
      });
      return manager.findOneByOrFail(Case, { id: caseId });
    });
  }

  private assertWorklistAccess(actor: Actor, key: WorklistKey): void {
    if (!canWorkOn(actor, key)) throw new CaseError('forbidden', 'This worklist is outside your region or team.');
  }

  /** A case outside the caller's scope is reported as not found, so its existence does not leak. */
  private async findVisible(manager: EntityManager, actor: Actor, caseId: string, lock = false): Promise<Case> {
    const query = manager.createQueryBuilder(Case, 'c').where('c.id = :caseId', { caseId });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found || !canWorkOn(actor, worklistOf(found))) throw new CaseError('not_found', 'No case with this id in your worklists.');
    return found;
  }
}
