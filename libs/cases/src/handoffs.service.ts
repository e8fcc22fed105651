import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { WorkingDayCalendar } from '#libs/calendar';
import type { Team } from '#libs/classification';
import { addToOutbox, jobIds, JobName, QueueName } from '#libs/queue';
import { RegionsService } from '#libs/regions';
import { canWorkOn, type Actor, type WorklistKey } from '#libs/staff';
import { CaseWriter, type LockedCase } from './case-writer.js';
import { Case } from './case.entity.js';
import { CaseError } from './case.error.js';
import { CasesService } from './cases.service.js';
import { Handoff } from './handoff.entity.js';

export interface TransferRequest {
  team: Team;
  regionCode?: string;
  reason: string;
}

export interface WorklistHandoffs {
  incoming: Handoff[];
  outgoing: Handoff[];
}

/**
 * Hand-offs between teams and organisations. The receiving team accepts (the case moves, with fresh clocks) or
 * returns it with a reason; until then the case stays where it was and the citizen's status does not change.
 */
@Injectable()
export class HandoffsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Handoff) private readonly handoffs: Repository<Handoff>,
    private readonly cases: CasesService,
    private readonly regions: RegionsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly writer: CaseWriter,
  ) {}

  async request(actor: Actor, caseId: string, request: TransferRequest): Promise<Handoff> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.cases.lockVisible(manager, actor, caseId);
      this.cases.assertMayAct(actor, current);
      const to: WorklistKey = { regionCode: request.regionCode ?? current.regionCode, team: request.team };
      this.cases.assertCanMove(current, to);
      if (await manager.existsBy(Handoff, { caseId, status: 'pending' })) {
        throw new CaseError('conflict', 'This case already has a hand-off waiting for an answer.');
      }
      const now = new Date();
      const settings = await this.regions.settings(to.regionCode);
      const handoff = await manager.save(
        manager.create(Handoff, {
          caseId,
          fromRegionCode: current.regionCode,
          fromTeam: current.team,
          toRegionCode: to.regionCode,
          toTeam: to.team,
          reason: request.reason,
          requestedBy: actor.id,
          requestedAt: now,
          respondBy: this.calendar.addWorkingDuration(now, settings.handoffResponseHours * 3600 * 1000),
          status: 'pending',
        }),
      );
      await this.writer.apply(manager, actor, current, {
        event: 'handoff_requested',
        data: { handoffId: handoff.id, to: { regionCode: to.regionCode, team: to.team } },
        note: request.reason,
        details: { handoffId: handoff.id, toRegion: to.regionCode, toTeam: to.team },
      });
      await addToOutbox(manager, {
        queue: QueueName.CaseTimers,
        jobName: JobName.HandoffDeadline,
        jobId: jobIds.handoffDeadline(handoff.id),
        payload: { handoffId: handoff.id },
        deliverAt: handoff.respondBy,
      });
      return handoff;
    });
  }

  async accept(actor: Actor, handoffId: string, note?: string): Promise<Case> {
    return this.dataSource.transaction(async (manager) => {
      const { handoff, current } = await this.lockPendingForReceiver(manager, actor, handoffId);
      if (current.regionCode !== handoff.fromRegionCode || current.team !== handoff.fromTeam) {
        throw new CaseError('invalid_transition', 'The case is no longer where this hand-off was requested from.');
      }
      const to = { regionCode: handoff.toRegionCode, team: handoff.toTeam };
      this.cases.assertCanMove(current, to);
      await manager.update(Handoff, handoff.id, { status: 'accepted', respondedBy: actor.id, respondedAt: new Date(), responseReason: note ?? null });
      return this.cases.moveTo(manager, actor, current, to, { type: 'handoff_accepted', note: note ?? handoff.reason, data: { handoffId: handoff.id } });
    });
  }

  async returnToSender(actor: Actor, handoffId: string, reason: string | undefined): Promise<Handoff> {
    return this.dataSource.transaction(async (manager) => {
      const { handoff, current } = await this.lockPendingForReceiver(manager, actor, handoffId);
      if (!reason) throw new CaseError('invalid_transfer', 'Returning a hand-off needs a reason for the sender.', 'reason');
      await manager.update(Handoff, handoff.id, { status: 'returned', respondedBy: actor.id, respondedAt: new Date(), responseReason: reason });
      await this.writer.apply(manager, actor, current, { event: 'handoff_returned', data: { handoffId: handoff.id }, note: reason });
      return manager.findOneByOrFail(Handoff, { id: handoff.id });
    });
  }

  /** Pending hand-offs a worklist has to answer, and the ones it is waiting for. */
  async forWorklist(actor: Actor, key: WorklistKey): Promise<WorklistHandoffs> {
    if (!canWorkOn(actor, key)) throw new CaseError('forbidden', 'This worklist is outside your region or team.');
    const region = (column: string) => (key.regionCode === null ? `h.${column} IS NULL` : `h.${column} = :regionCode`);
    const query = (regionColumn: string, teamColumn: string) =>
      this.handoffs
        .createQueryBuilder('h')
        .where(region(regionColumn), { regionCode: key.regionCode })
        .andWhere(`h.${teamColumn} = :team`, { team: key.team })
        .andWhere(`h.status = 'pending'`)
        .orderBy('h.respond_by', 'ASC')
        .getMany();
    const [incoming, outgoing] = await Promise.all([query('to_region_code', 'to_team'), query('from_region_code', 'from_team')]);
    return { incoming, outgoing };
  }

  /** The answer deadline passed: mark it overdue so the coordinators see it (once; stale or answered → nothing). */
  async markOverdue(manager: EntityManager, handoffId: string, now: Date): Promise<'overdue' | 'stale'> {
    const locked = await this.lockCaseThenHandoff(manager, handoffId);
    if (!locked) return 'stale';
    const { handoff, current } = locked;
    if (current.status === 'closed' || handoff.status !== 'pending' || handoff.overdueAt !== null || handoff.respondBy.getTime() > now.getTime() + 1000) return 'stale';
    await manager.update(Handoff, handoff.id, { overdueAt: now });
    await this.writer.apply(manager, null, current, { event: 'handoff_overdue', flag: 'escalated', data: { handoffId: handoff.id } });
    return 'overdue';
  }

  private async lockPendingForReceiver(manager: EntityManager, actor: Actor, handoffId: string): Promise<{ handoff: Handoff; current: LockedCase }> {
    const locked = await this.lockCaseThenHandoff(manager, handoffId);
    const receiving = locked !== null && canWorkOn(actor, { regionCode: locked.handoff.toRegionCode, team: locked.handoff.toTeam });
    if (!locked || !receiving) throw new CaseError('not_found', 'No hand-off with this id for your worklists.');
    if (locked.handoff.status !== 'pending') throw new CaseError('invalid_transition', `This hand-off was already ${locked.handoff.status}.`);
    return locked;
  }

  /**
   * Lock order, everywhere: the case row first, then its hand-off rows (closing or moving a case locks the case and
   * then cancels hand-offs). Taking them the other way round here would deadlock against those paths.
   */
  private async lockCaseThenHandoff(manager: EntityManager, handoffId: string): Promise<{ handoff: Handoff; current: LockedCase } | null> {
    const unlocked = await manager.findOneBy(Handoff, { id: handoffId });
    if (!unlocked) return null;
    const current = await this.writer.lock(manager, unlocked.caseId);
    if (!current) return null;
    const handoff = await manager.createQueryBuilder(Handoff, 'h').where('h.id = :id', { id: handoffId }).setLock('pessimistic_write').getOneOrFail();
    return { handoff, current };
  }
}
