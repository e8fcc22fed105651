import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from './logged-worker-host.js';
import type { Job } from 'bullmq';
import { AssignmentService } from '#libs/cases';
import type { Team } from '#libs/classification';
import { QueueName, type AutoAssignJobData } from '#libs/queue';

@Processor(QueueName.Assignment, { concurrency: 2 })
export class AssignmentProcessor extends LoggedWorkerHost {
  constructor(private readonly assignment: AssignmentService) {
    super();
  }

  process(job: Job<AutoAssignJobData>): Promise<number> {
    return this.assignment.autoAssign(job.data.regionCode, job.data.team as Team);
  }
}
