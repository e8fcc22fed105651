import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addToOutbox, type HandoffDeadlineJobData, type SlaCheckJobData } from '#libs/queue';
import { CaseEvent } from './case-event.entity.js';
import { CaseClocksService } from './case-clocks.service.js';
import { CaseWriter, type LockedCase } from './case-writer.js';
import { HandoffsService } from './handoffs.service.js';

/** What the delayed deadline jobs do when they fire. Each is idempotent: stale or repeated runs change nothing. */
@Injectable()
export class CaseTimersService {
  private readonly logger = new Logger(CaseTimersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly handoffs: HandoffsService,
    private readonly clocks: CaseClocksService,
  ) {}

  async slaCheck(job: SlaCheckJobData, now = new Date()): Promise<string> {
    const outcome = await this.dataSource.transaction((manager) => this.checkDeadline(manager, job, now));
    if (outcome === 'escalated') this.logger.warn(`Case ${job.caseId}: ${job.clock} deadline passed; escalated to the coordinators`);
    return outcome;
  }

  async handoffDeadline(job: HandoffDeadlineJobData, now = new Date()): Promise<string> {
    const outcome = await this.dataSource.transaction((manager) => this.handoffs.markOverdue(manager, job.handoffId, now));
    if (outcome === 'overdue') this.logger.warn(`Hand-off ${job.handoffId} was not answered in time; escalated to the coordinators`);
    return outcome;
  }

  /**
   * Handles a deadline job. Does nothing when the case closed, the clock stopped or paused, or the deadline moved
   * (the job is stale); so running it twice, or late, is harmless. Then it schedules the case's next deadline job,
   * unless the deadlines moved or paused (whatever moved them scheduled a chain of their own).
   */
  private async checkDeadline(manager: EntityManager, job: SlaCheckJobData, now: Date): Promise<'warned' | 'escalated' | 'stale'> {
    const c = await this.writer.lock(manager, job.caseId);
    if (!c || c.status === 'closed' || c.pausedAt !== null) return 'stale';
    const due = job.clock === 'first_contact' ? (c.firstContactAt === null ? c.firstContactDueAt : null) : c.closeDueAt;
    if (due !== null && due.toISOString() !== job.dueAt) return 'stale';
    const outcome = due === null ? 'stale' : await this.fire(manager, c, job, due, now);
    await addToOutbox(manager, ...this.clocks.deadlineJobAfter(c, job));
    return outcome;
  }

  private async fire(manager: EntityManager, c: LockedCase, job: SlaCheckJobData, due: Date, now: Date): Promise<'warned' | 'escalated' | 'stale'> {
    const type = job.kind === 'warning' ? 'sla_warning' : 'sla_escalated';
    const already = await manager
      .createQueryBuilder(CaseEvent, 'e')
      .where('e.case_id = :id', { id: c.id })
      .andWhere('e.type = :type', { type })
      .andWhere(`e.data->>'clock' = :clock AND e.data->>'dueAt' = :dueAt`, { clock: job.clock, dueAt: job.dueAt })
      .getExists();
    if (already) return 'stale';
    if (job.kind === 'warning' && due <= now) return 'stale';
    // Timers may fire a moment early; a second's slack keeps a real breach from being taken as stale.
    if (job.kind === 'breach' && due.getTime() > now.getTime() + 1000) return 'stale';
    await this.writer.apply(manager, null, c, { event: type, flag: job.kind === 'warning' ? 'warned' : 'escalated', data: { clock: job.clock, dueAt: job.dueAt } });
    return job.kind === 'warning' ? 'warned' : 'escalated';
  }
}
