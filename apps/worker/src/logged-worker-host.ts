import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * A processor base that reports its worker's connection errors once a minute (instead of one line per reconnect
 * attempt) and each failed job by name and id only: job data is never logged.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  private readonly workerLogger = new Logger(this.constructor.name);
  private lastConnectionWarning = 0;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastConnectionWarning < 60_000) return;
    this.lastConnectionWarning = Date.now();
    this.workerLogger.warn(`Queue connection problem: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    this.workerLogger.warn(`Job ${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.name}`);
  }
}
