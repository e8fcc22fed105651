import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '#libs/audit';
import { WorkingDayCalendar } from '#libs/calendar';
import type { Level } from '#libs/classification';
import { addToOutbox, jobIds, JobName, QueueName, type SlaCheckJobData, type SlaClock } from '#libs/queue';
import { RegionsService, type RegionSettings } from '#libs/regions';
import type { WorklistKey } from '#libs/staff';
import { CaseEvent } from './case-event.entity.js';
import { isWaitingForCitizen, meansContact, type CaseResult, type CaseStatus } from './case-lifecycle.js';
import { Case } from './case.entity.js';
import { nextDue, resumeClocks, slaTargetFor, startClocks, warningAt } from './sla.js';

/**
 * The SLA clocks of a case: they start when the case lands on a worklist, stop for first contact, pause while
 * waiting for the citizen, and schedule delayed jobs that warn before a deadline and escalate when it passes.
 */
@Injectable()
export class CaseClocksService {
  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Fields for a case that lands on a worklist: fresh clocks for that team's SLA, counted from `at`. Returns the
   * region's settings too, for `afterLanding` (one read of them per landing).
   */
  async landing(
    worklist: WorklistKey,
    level: Level,
    at: Date,
    known?: RegionSettings,
    urgent = false,
  ): Promise<{ fields: Partial<Case>; settings: RegionSettings }> {
    const settings = known ?? (await this.regions.settings(worklist.regionCode));
    const clocks = startClocks(this.calendar, at, slaTargetFor(worklist.team, level, settings.sla), urgent);
    const fields: Partial<Case> = {
      clockStartedAt: at,
      firstContactDueAt: clocks.firstContactDueAt,
      closeDueAt: clocks.closeDueAt,
      firstContactAt: null,
      pausedAt: null,
      warnedAt: null,
      escalatedAt: null,
      nextDueAt: nextDue(clocks, null),
    };
    return { fields, settings };
  }

  /** After a case landed (inside the same transaction): schedule its deadline jobs and, if enabled, assignment. */
  async afterLanding(manager: EntityManager, landed: Case, settings: RegionSettings): Promise<void> {
    await this.scheduleDeadlines(manager, landed);
    await this.requestAutoAssignment(manager, { regionCode: landed.regionCode, team: landed.team }, settings);
  }

  /** Clock fields that follow from a status change. */
  statusChangeFields(current: Case, to: CaseStatus, at: Date, result?: CaseResult | null): Partial<Case> {
    const fields: Partial<Case> = {};
    if (current.firstContactAt === null && meansContact(to, result)) fields.firstContactAt = at;
    if (to === 'closed') {
      fields.closedAt = at;
      fields.nextDueAt = null;
      fields.pausedAt = null;
      return fields;
    }
    if (isWaitingForCitizen(to) && current.pausedAt === null) fields.pausedAt = at;
    if (!isWaitingForCitizen(to) && current.pausedAt !== null) {
      const resumed = resumeClocks(this.calendar, current, current.pausedAt, at);
      fields.pausedAt = null;
      fields.firstContactDueAt = resumed.firstContactDueAt;
      fields.closeDueAt = resumed.closeDueAt;
      // The deadlines moved: an earlier warning no longer applies.
      fields.warnedAt = null;
    }
    fields.nextDueAt = nextDue(
      { firstContactDueAt: fields.firstContactDueAt ?? current.firstContactDueAt, closeDueAt: fields.closeDueAt ?? current.closeDueAt },
      fields.firstContactAt ?? current.firstContactAt,
    );
    return fields;
  }

  /** Schedules warning and breach jobs for every running clock; stale jobs find their deadline moved and do nothing. */
  async scheduleDeadlines(manager: EntityManager, c: Case, now = new Date()): Promise<void> {
    if (c.status === 'closed' || c.pausedAt !== null) return;
    const clocks: [SlaClock, Date | null][] = [
      ['first_contact', c.firstContactAt === null ? c.firstContactDueAt : null],
      ['close', c.closeDueAt],
    ];
    for (const [clock, due] of clocks) {
      if (due === null) continue;
      for (const kind of ['warning', 'breach'] as const) {
        const data: SlaCheckJobData = { caseId: c.id, clock, kind, dueAt: due.toISOString(), scheduledAt: now.toISOString() };
        await addToOutbox(manager, {
          queue: QueueName.CaseTimers,
          jobName: JobName.SlaCheck,
          jobId: jobIds.slaCheck(data),
          payload: { ...data },
          deliverAt: kind === 'warning' ? warningAt(this.calendar, c.clockStartedAt, due) : due,
        });
      }
    }
  }

  async requestAutoAssignment(manager: EntityManager, worklist: WorklistKey, known?: RegionSettings): Promise<void> {
    if (worklist.regionCode === null) return;
    const settings = known ?? (await this.regions.settings(worklist.regionCode));
    if (!settings.autoAssignTeams.includes(worklist.team)) return;
    await addToOutbox(manager, {
      queue: QueueName.Assignment,
      jobName: JobName.AutoAssign,
      jobId: jobIds.autoAssign(worklist.regionCode, worklist.team, randomUUID()),
      payload: { regionCode: worklist.regionCode, team: worklist.team },
    });
  }

  /**
   * Handles a deadline job. Does nothing when the case closed, the clock stopped or paused, or the deadline moved
   * (the job is stale); so running it twice, or late, is harmless.
   */
  async checkDeadline(manager: EntityManager, job: SlaCheckJobData, now: Date): Promise<'warned' | 'escalated' | 'stale'> {
    const c = await manager.createQueryBuilder(Case, 'c').where('c.id = :id', { id: job.caseId }).setLock('pessimistic_write').getOne();
    if (!c || c.status === 'closed' || c.pausedAt !== null) return 'stale';
    const due = job.clock === 'first_contact' ? (c.firstContactAt === null ? c.firstContactDueAt : null) : c.closeDueAt;
    if (due === null || due.toISOString() !== job.dueAt) return 'stale';
    const already = await manager
      .createQueryBuilder(CaseEvent, 'e')
      .where('e.case_id = :id', { id: c.id })
      .andWhere('e.type = :type', { type: job.kind === 'warning' ? 'sla_warning' : 'sla_escalated' })
      .andWhere(`e.data->>'clock' = :clock AND e.data->>'dueAt' = :dueAt`, { clock: job.clock, dueAt: job.dueAt })
      .getExists();
    if (already) return 'stale';
    if (job.kind === 'warning') {
      if (due <= now) return 'stale';
      await manager.update(Case, c.id, { warnedAt: c.warnedAt ?? now });
      await manager.insert(CaseEvent, { caseId: c.id, actorId: null, type: 'sla_warning', data: { clock: job.clock, dueAt: job.dueAt } });
      await this.audit.record({ actor: null, action: 'case.sla_warning', caseId: c.id, details: { clock: job.clock, dueAt: job.dueAt } }, manager);
      return 'warned';
    }
    // Timers may fire a moment early; a second's slack keeps a real breach from being taken as stale.
    if (due.getTime() > now.getTime() + 1000) return 'stale';
    await manager.update(Case, c.id, { escalatedAt: c.escalatedAt ?? now });
    await manager.insert(CaseEvent, { caseId: c.id, actorId: null, type: 'sla_escalated', data: { clock: job.clock, dueAt: job.dueAt } });
    await this.audit.record({ actor: null, action: 'case.sla_escalated', caseId: c.id, details: { clock: job.clock, dueAt: job.dueAt } }, manager);
    return 'escalated';
  }
}
