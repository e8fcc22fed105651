import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '#libs/calendar';
import type { Level } from '#libs/classification';
import { jobIds, JobName, QueueName, type OutboxMessage, type SlaCheckJobData, type SlaClock } from '#libs/queue';
import { RegionsService, type RegionSettings } from '#libs/regions';
import type { WorklistKey } from '#libs/staff';
import { isWaitingForCitizen, meansContact, type CaseResult, type CaseStatus } from './case-lifecycle.js';
import { Case } from './case.entity.js';
import { nextDue, resumeClocks, slaTargetFor, startClocks, warningAt } from './sla.js';

type DeadlineFields = Pick<Case, 'id' | 'status' | 'pausedAt' | 'firstContactAt' | 'firstContactDueAt' | 'closeDueAt' | 'clockStartedAt'>;

/** Where a deadline job stands among jobs due at the same instant: a clock's warning before its breach. */
const rankOf = (clock: SlaClock, kind: 'warning' | 'breach'): number => (clock === 'first_contact' ? 0 : 2) + (kind === 'warning' ? 0 : 1);

/**
 * The SLA clocks of a case: they start when the case lands on a worklist, stop for first contact, pause while
 * waiting for the citizen, and schedule delayed jobs that warn before a deadline and escalate when it passes.
 */
@Injectable()
export class CaseClocksService {
  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly regions: RegionsService,
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

  /**
   * The first deadline job of a case's running clocks (none while closed or paused). A case has one deadline job
   * waiting at a time: each one, when it runs, schedules the one after it (`deadlineJobAfter`), so opening a case
   * puts one delayed job on the queue instead of four.
   */
  deadlineJobs(c: DeadlineFields, now = new Date()): OutboxMessage[] {
    return this.deadlineChain(c, now.toISOString()).slice(0, 1).map(({ message }) => message);
  }

  /**
   * The deadline job that comes after `handled` in the case's chain, scheduled as part of the same chain (same
   * `scheduledAt`, so a repeated run schedules the same job id, which the outbox and the queue take once).
   */
  deadlineJobAfter(c: DeadlineFields, handled: SlaCheckJobData): OutboxMessage[] {
    const chain = this.deadlineChain(c, handled.scheduledAt);
    const handledDue = new Date(handled.dueAt);
    const handledAt = handled.kind === 'breach' ? handledDue : warningAt(this.calendar, c.clockStartedAt, handledDue);
    const handledRank = rankOf(handled.clock, handled.kind);
    const next = chain.find(({ at, rank }) => at.getTime() > handledAt.getTime() || (at.getTime() === handledAt.getTime() && rank > handledRank));
    return next ? [next.message] : [];
  }

  /** The warning and breach jobs of the running clocks, in the order they fall due. */
  private deadlineChain(c: DeadlineFields, scheduledAt: string): { at: Date; rank: number; message: OutboxMessage }[] {
    if (c.status === 'closed' || c.pausedAt !== null) return [];
    const clocks: [SlaClock, Date | null][] = [
      ['first_contact', c.firstContactAt === null ? c.firstContactDueAt : null],
      ['close', c.closeDueAt],
    ];
    return clocks
      .flatMap(([clock, due]) =>
        due === null
          ? []
          : (['warning', 'breach'] as const).map((kind) => {
              const data: SlaCheckJobData = { caseId: c.id, clock, kind, dueAt: due.toISOString(), scheduledAt };
              const at = kind === 'warning' ? warningAt(this.calendar, c.clockStartedAt, due) : due;
              const message: OutboxMessage = { queue: QueueName.CaseTimers, jobName: JobName.SlaCheck, jobId: jobIds.slaCheck(data), payload: { ...data }, deliverAt: at };
              return { at, rank: rankOf(clock, kind), message };
            }),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  }

  /** A run of automatic assignment for the worklist, when its region switched that on. */
  async autoAssignmentJob(worklist: WorklistKey, known?: RegionSettings): Promise<OutboxMessage | null> {
    if (worklist.regionCode === null) return null;
    const settings = known ?? (await this.regions.settings(worklist.regionCode));
    if (!settings.autoAssignTeams.includes(worklist.team)) return null;
    return {
      queue: QueueName.Assignment,
      jobName: JobName.AutoAssign,
      jobId: jobIds.autoAssign(worklist.regionCode, worklist.team, randomUUID()),
      payload: { regionCode: worklist.regionCode, team: worklist.team },
    };
  }
}
