import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '#libs/audit';
import type { Level, Team } from '#libs/classification';
import { Intake } from '#libs/intake';
import type { JsonObject } from '#libs/queue';
import { RegionsService, type RegionSettings } from '#libs/regions';
import { canWorkOn, type Actor, type WorklistKey } from '#libs/staff';
import type { ClassificationResult } from '#libs/classification';
import { CaseClassificationService } from './case-classification.service.js';
import { CaseClocksService } from './case-clocks.service.js';
import { CaseEvent, type CaseEventType } from './case-event.entity.js';
import { checkTransition, MANUAL_STATUSES, type CaseResult, type CaseStatus } from './case-lifecycle.js';
import { CaseNote } from './case-note.entity.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { Handoff } from './handoff.entity.js';

export interface NewRoutedCase {
  intakeId: string;
  regionCode: string | null;
  team: Team;
  level: Level;
  data: JsonObject;
  /** The classification's markers, carried onto the case. */
  markers: CaseMarkers;
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

export function worklistOf(c: Pick<Case, 'regionCode' | 'team'>): WorklistKey {
  return { regionCode: c.regionCode, team: c.team };
}

/** The cases of one worklist, most urgent deadline first; `status` narrows to e.g. the unassigned ones. */
function worklistQuery(manager: EntityManager, key: WorklistKey, status: 'open' | 'new'): SelectQueryBuilder<Case> {
  const query = manager.createQueryBuilder(Case, 'c');
  if (key.regionCode === null) query.where('c.region_code IS NULL');
  else query.where('c.region_code = :regionCode', { regionCode: key.regionCode });
  return query
    .andWhere('c.team = :team', { team: key.team })
    .andWhere(status === 'open' ? `c.status <> 'closed'` : `c.status = 'new'`)
    // Urgent cases (crisis, housing emergency) come first in every worklist, then the nearest deadline.
    .orderBy('c.urgent', 'DESC')
    .addOrderBy('c.next_due_at', 'ASC', 'NULLS LAST')
    .addOrderBy('c.created_at', 'ASC')
    .addOrderBy('c.id', 'ASC');
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly regions: RegionsService,
    private readonly clocks: CaseClocksService,
    private readonly audit: AuditService,
    private readonly classifications: CaseClassificationService,
  ) {}

  /**
   * Opens the case that routing creates for an intake; called inside the routing transaction. The SLA clocks count
   * from `clockStart`: when the question arrived, so a late routing does not give the team extra time.
   */
  async openRoutedCase(manager: EntityManager, input: NewRoutedCase, clockStart: Date, settings?: RegionSettings): Promise<Case> {
    const at = new Date();
    const existing = await manager.findOneBy(Case, { intakeId: input.intakeId, origin: 'routing' });
    if (existing) return existing;
    const worklist = { regionCode: input.regionCode, team: input.team };
    const landing = await this.clocks.landing(worklist, input.level, clockStart, settings, input.markers.urgent);
    const created = manager.create(Case, {
      intakeId: input.intakeId,
      origin: 'routing',
      regionCode: input.regionCode,
      team: input.team,
      level: input.level,
      urgent: input.markers.urgent,
      consentToConfirm: input.markers.consentToConfirm,
      contradiction: input.markers.contradiction,
      status: 'new',
      createdAt: at,
      updatedAt: at,
      ...landing.fields,
    });
    const saved = await manager.save(created);
    await manager.insert(CaseEvent, { caseId: saved.id, actorId: null, type: 'created', toStatus: 'new', data: input.data });
    await this.audit.record({ actor: null, action: 'case.created', caseId: saved.id, details: { regionCode: input.regionCode, team: input.team } }, manager);
    const landed = await manager.findOneByOrFail(Case, { id: saved.id });
    await this.clocks.afterLanding(manager, landed, landing.settings);
    return landed;
  }

  /** Every case of an intake: the routed one and its follow-ups. */
  async casesOfIntake(intakeId: string): Promise<Case[]> {
    return this.cases.find({ where: { intakeId }, order: { createdAt: 'ASC' } });
  }

  /** The open cases of one worklist, the most urgent deadline first. */
  async worklist(actor: Actor, key: WorklistKey): Promise<Case[]> {
    this.assertWorklistAccess(actor, key);
    return worklistQuery(this.dataSource.manager, key, 'open').getMany();
  }

  /**
   * Gives the caller the unassigned case with the earliest deadline. Row locking with SKIP LOCKED means two case
   * workers claiming at the same moment never get the same case, and neither waits for the other.
   */
  async claimNext(actor: Actor, key: WorklistKey): Promise<Case | null> {
    this.assertWorklistAccess(actor, key);
    return this.dataSource.transaction(async (manager) => {
      const next = await worklistQuery(manager, key, 'new')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!next) return null;
      await manager.update(Case, next.id, { status: 'assigned', assignedTo: actor.id, updatedAt: new Date() });
      await manager.insert(CaseEvent, { caseId: next.id, actorId: actor.id, type: 'claimed', fromStatus: 'new', toStatus: 'assigned' });
      await this.audit.record({ actor, action: 'case.claimed', caseId: next.id }, manager);
      return manager.findOneByOrFail(Case, { id: next.id });
    });
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
    await this.audit.record({ actor, action: 'case.read', caseId, reason: purpose ?? null, details: { contactShown: holdsCase && intake.contact !== null } });
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
      const check = checkTransition(current.status, change.status, change.result);
      const field = change.status === 'closed' && !change.result ? 'result' : change.result && change.status !== 'closed' ? 'result' : 'status';
      if (!check.ok) throw new CaseError('invalid_transition', check.reason, field);
      const now = new Date();
      const clockFields = this.clocks.statusChangeFields(current, change.status, now, change.result);
      await manager.update(Case, caseId, { status: change.status, result: change.result ?? null, updatedAt: now, ...clockFields });
      await manager.insert(CaseEvent, {
        caseId,
        actorId: actor.id,
        type: 'status_changed',
        fromStatus: current.status,
        toStatus: change.status,
        data: change.result ? { result: change.result } : {},
        note: change.note ?? null,
      });
      await this.audit.record({ actor, action: 'case.status_changed', caseId, reason: change.note ?? null, details: { from: current.status, to: change.status, result: change.result ?? null } }, manager);
      const updated = await manager.findOneByOrFail(Case, { id: caseId });
      // Resuming after waiting for the citizen moves the deadlines: schedule the new ones.
      if (current.pausedAt !== null && updated.pausedAt === null) await this.clocks.scheduleDeadlines(manager, updated);
      if (change.status === 'closed') {
        await this.cancelPendingHandoffs(manager, actor, caseId, 'The case was closed.');
        await this.clocks.requestAutoAssignment(manager, worklistOf(updated));
      }
      return updated;
    });
  }

  async addNote(actor: Actor, caseId: string, text: string): Promise<CaseNote> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockVisible(manager, actor, caseId);
      if (current.status === 'closed') throw new CaseError('invalid_transition', 'A closed case takes no more notes.');
      const note = await manager.save(manager.create(CaseNote, { caseId: current.id, authorId: actor.id, text }));
      await manager.insert(CaseEvent, { caseId, actorId: actor.id, type: 'note_added', data: { noteId: note.id } });
      await this.audit.record({ actor, action: 'case.note_added', caseId }, manager);
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
      const now = new Date();
      const worklist = { regionCode: parent.regionCode, team: input.team };
      const landing = await this.clocks.landing(worklist, parent.level, now);
      const saved = await manager.save(
        manager.create(Case, {
          intakeId: parent.intakeId,
          origin: 'follow_up',
          parentCaseId: parent.id,
          regionCode: parent.regionCode,
          team: input.team,
          level: parent.level,
          status: 'new',
          createdAt: now,
          updatedAt: now,
          ...landing.fields,
        }),
      );
      await manager.insert(CaseEvent, { caseId: saved.id, actorId: actor.id, type: 'created', toStatus: 'new', data: { parentCaseId: parent.id }, note: input.reason });
      await manager.insert(CaseEvent, { caseId: parent.id, actorId: actor.id, type: 'follow_up_created', data: { followUpCaseId: saved.id, team: input.team }, note: input.reason });
      await this.audit.record({ actor, action: 'case.follow_up_created', caseId: parent.id, reason: input.reason, details: { followUpCaseId: saved.id, team: input.team } }, manager);
      const created = await manager.findOneByOrFail(Case, { id: saved.id });
      await this.clocks.afterLanding(manager, created, landing.settings);
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

  /** A hand-off waiting for an answer no longer applies once the case closes or moves another way. */
  async cancelPendingHandoffs(manager: EntityManager, actor: Actor | null, caseId: string, why: string): Promise<void> {
    const pending = await manager.findBy(Handoff, { caseId, status: 'pending' });
    for (const handoff of pending) {
      await manager.update(Handoff, handoff.id, { status: 'cancelled', respondedAt: new Date(), responseReason: why });
      await manager.insert(CaseEvent, { caseId, actorId: actor?.id ?? null, type: 'handoff_cancelled', data: { handoffId: handoff.id }, note: why });
      await this.audit.record({ actor, action: 'case.handoff_cancelled', caseId, reason: why, details: { handoffId: handoff.id } }, manager);
    }
  }

  /** Loads and locks a case the actor may work on (inside the caller's transaction). */
  async lockVisible(manager: EntityManager, actor: Actor, caseId: string): Promise<Case> {
    const found = await manager.createQueryBuilder(Case, 'c').where('c.id = :caseId', { caseId }).setLock('pessimistic_write').getOne();
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
    current: Case,
    to: WorklistKey,
    event: { type: CaseEventType; note: string; data?: JsonObject; level?: Level },
  ): Promise<Case> {
    await this.cancelPendingHandoffs(manager, actor, current.id, 'The case moved to another worklist.');
    const now = new Date();
    const level = event.level ?? current.level;
    const landing = await this.clocks.landing(to, level, now, undefined, current.urgent);
    await manager.update(Case, current.id, {
      regionCode: to.regionCode,
      team: to.team,
      status: 'new',
      assignedTo: null,
      level,
      updatedAt: now,
      ...landing.fields,
    });
    await manager.insert(CaseEvent, {
      caseId: current.id,
      actorId: actor.id,
      type: event.type,
      fromStatus: current.status,
      toStatus: 'new',
      data: { from: { regionCode: current.regionCode, team: current.team }, to: { regionCode: to.regionCode, team: to.team }, ...event.data },
      note: event.note,
    });
    await this.audit.record({ actor, action: `case.${event.type}`, caseId: current.id, reason: event.note, details: { toRegion: to.regionCode, toTeam: to.team } }, manager);
    const moved = await manager.findOneByOrFail(Case, { id: current.id });
    await this.clocks.afterLanding(manager, moved, landing.settings);
    return moved;
  }

  /** Closes a locked case with a result, e.g. when triage finds the question out of scope. */
  async closeWith(manager: EntityManager, actor: Actor, current: Case, result: CaseResult, note: string, data: JsonObject = {}): Promise<Case> {
    const check = checkTransition(current.status, 'closed', result);
    if (!check.ok) throw new CaseError('invalid_transition', check.reason);
    const now = new Date();
    await manager.update(Case, current.id, { status: 'closed', result, updatedAt: now, ...this.clocks.statusChangeFields(current, 'closed', now, result) });
    await manager.insert(CaseEvent, { caseId: current.id, actorId: actor.id, type: 'status_changed', fromStatus: current.status, toStatus: 'closed', data: { result, ...data }, note });
    await this.audit.record({ actor, action: 'case.closed', caseId: current.id, reason: note, details: { result } }, manager);
    await this.cancelPendingHandoffs(manager, actor, current.id, 'The case was closed.');
    return manager.findOneByOrFail(Case, { id: current.id });
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
