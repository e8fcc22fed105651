import { InjectQueue, Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from './logged-worker-host.js';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { MaintenanceService, type SweepReport } from '#libs/maintenance';
import { JobName, QueueName } from '#libs/queue';

const SWEEP_EVERY_MS = 60_000;

@Processor(QueueName.Maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends LoggedWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly maintenance: MaintenanceService,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  /** One scheduler for all worker processes: upserting the same id is idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'maintenance-sweep',
      { every: SWEEP_EVERY_MS },
      { name: JobName.Sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  }

  process(_job: Job): Promise<SweepReport> {
    return this.maintenance.sweep();
  }
}
