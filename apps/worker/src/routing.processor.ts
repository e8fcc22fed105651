import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from './logged-worker-host.js';
import type { Job } from 'bullmq';
import { QueueName, type RouteIntakeJobData } from '#libs/queue';
import { RoutingService, type RoutingOutcome } from '#libs/routing';

@Processor(QueueName.Routing, { concurrency: 8 })
export class RoutingProcessor extends LoggedWorkerHost {
  constructor(private readonly routing: RoutingService) {
    super();
  }

  process(job: Job<RouteIntakeJobData>): Promise<RoutingOutcome> {
    return this.routing.routeIntake(job.data.intakeId);
  }
}
