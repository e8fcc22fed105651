import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HandoffDeadlineJobData, SlaCheckJobData } from '#libs/queue';
import { CaseClocksService } from './case-clocks.service.js';
import { HandoffsService } from './handoffs.service.js';

/** What the delayed deadline jobs do when they fire. Each is idempotent: stale or repeated runs change nothing. */
@Injectable()
export class CaseTimersService {
  private readonly logger = new Logger(CaseTimersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: CaseClocksService,
    private readonly handoffs: HandoffsService,
  ) {}

  async slaCheck(job: SlaCheckJobData, now = new Date()): Promise<string> {
    const outcome = await this.dataSource.transaction((manager) => this.clocks.checkDeadline(manager, job, now));
    if (outcome === 'escalated') this.logger.warn(`Case ${job.caseId}: ${job.clock} deadline passed; escalated to the coordinators`);
    return outcome;
  }

  async handoffDeadline(job: HandoffDeadlineJobData, now = new Date()): Promise<string> {
    const outcome = await this.dataSource.transaction((manager) => this.handoffs.markOverdue(manager, job.handoffId, now));
    if (outcome === 'overdue') this.logger.warn(`Hand-off ${job.handoffId} was not answered in time; escalated to the coordinators`);
    return outcome;
  }
}
