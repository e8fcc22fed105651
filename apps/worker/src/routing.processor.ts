import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from './logged-worker-host.js';
import type { Job } from 'bullmq';
import { QueueName, type RouteIntakeJobData, type RouteIntakesJobData } from '#libs/queue';
import { RoutingService, type RoutingOutcome } from '#libs/routing';

@Processor(QueueName.Routing, { concurrency: 8 })
export class RoutingProcessor extends LoggedWorkerHost {
  constructor(private readonly routing: RoutingService) {
    super();
  }

  process(job: Job<RouteIntakeJobData | RouteIntakesJobData>): Promise<RoutingOutcome | number> {
    // Batches from the relay; single intakes from jobs queued before batches existed.
    return 'intakeIds' in job.data ? this.routing.routeIntakes(job.data.intakeIds) : this.routing.routeIntake(job.data.intakeId);
  }
}
