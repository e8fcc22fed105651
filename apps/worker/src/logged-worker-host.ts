import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { jobLogFields, jobsFinished, logContext } from '#libs/observability';

/**
 * A processor base that reports its worker's connection errors once a minute (instead of one line per reconnect
 * attempt) and each failed job by name and id only: job data is never logged. Every log line written while a job
 * runs carries the job's queue, name and id and the intake (case, hand-off) it is about; attempts are counted in
 * `werkloket_jobs_total`.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  private readonly workerLogger = new Logger(this.constructor.name);
  private lastConnectionWarning = 0;

  constructor() {
    super();
    // The subclass's process() runs inside the job's log context (BullMQ calls the method bound at start-up).
    const process = this.process.bind(this);
    this.process = (job: Job, token?: string) => logContext.run(jobLogFields(job), () => process(job, token));
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastConnectionWarning < 60_000) return;
    this.lastConnectionWarning = Date.now();
    this.workerLogger.warn(`Queue connection problem: ${error.message}`);
  }

  @OnWorkerEvent('completed')
  onJobCompleted(job: Job): void {
    jobsFinished.inc({ queue: job.queueName, outcome: 'completed' });
  }

  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    if (job) jobsFinished.inc({ queue: job.queueName, outcome: 'failed' });
    const log = () => this.workerLogger.warn(`Job ${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.name}`);
    if (job) logContext.run(jobLogFields(job), log);
    else log();
  }
}
