import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from './logged-worker-host.js';
import type { Job } from 'bullmq';
import { CaseTimersService } from '#libs/cases';
import { JobName, QueueName, type HandoffDeadlineJobData, type SlaCheckJobData } from '#libs/queue';

@Processor(QueueName.CaseTimers, { concurrency: 4 })
export class CaseTimersProcessor extends LoggedWorkerHost {
  constructor(private readonly timers: CaseTimersService) {
    super();
  }

  process(job: Job<SlaCheckJobData | HandoffDeadlineJobData>): Promise<string> {
    switch (job.name) {
      case JobName.SlaCheck:
        return this.timers.slaCheck(job.data as SlaCheckJobData);
      case JobName.HandoffDeadline:
        return this.timers.handoffDeadline(job.data as HandoffDeadlineJobData);
      default:
        throw new Error(`No handler for job ${job.name} on ${QueueName.CaseTimers}`);
    }
  }
}
