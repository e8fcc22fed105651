import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Queues, QueueName, withTimeout } from '#libs/queue';

export interface FailedJob {
  queue: QueueName;
  id: string;
  name: string;
  /** The payload: ids and dates only (libs/queue's job data never holds personal data). */
  data: Record<string, unknown>;
  attemptsMade: number;
  /** The first line of the last error, at most 200 characters. */
  failedReason: string;
  failedAt: Date | null;
  createdAt: Date;
}

const REDIS_TIMEOUT_MS = 5000;
/** How many failed jobs one "retry all" moves back (the rest stays for the next call). */
const RETRY_ALL_LIMIT = 10_000;
const PAGE = 500;

/** Jobs that used up their attempts (BullMQ's failed set, kept 14 days): listed for admins, and sent round again. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly queues: Queues) {}

  /** The newest failed jobs of one queue or of all, and how many there are in all. */
  async list(queueName: QueueName | undefined, limit: number): Promise<{ total: number; jobs: FailedJob[] }> {
    const queues = queueName ? [queueName] : [...this.queues.all.keys()];
    const perQueue = await withTimeout(
      Promise.all(queues.map(async (name) => {
        const queue = this.queues.get(name);
        const [total, jobs] = await Promise.all([queue.getFailedCount(), queue.getFailed(0, limit - 1)]);
        return { total, jobs: jobs.filter((job): job is Job => job !== undefined && job !== null).map((job) => this.describe(name, job)) };
      })),
      REDIS_TIMEOUT_MS,
    );
    const jobs = perQueue.flatMap((q) => q.jobs).sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0)).slice(0, limit);
    return { total: perQueue.reduce((sum, q) => sum + q.total, 0), jobs };
  }

  /**
   * Moves failed jobs of a queue back to waiting with their attempts starting over (the given ids, or all of them up
   * to RETRY_ALL_LIMIT). An id that is unknown or no longer failed is skipped. Returns how many went back.
   */
  async retry(queueName: QueueName, jobIds: readonly string[] | undefined): Promise<number> {
    const queue = this.queues.get(queueName);
    let retried = 0;
    const retryOne = async (job: Job | undefined): Promise<void> => {
      if (!job || !(await job.isFailed())) return;
      try {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried += 1;
      } catch {
        // Moved on meanwhile (retried by someone else, or removed): nothing to do.
      }
    };
    if (jobIds && jobIds.length > 0) {
      for (const id of new Set(jobIds)) await withTimeout(queue.getJob(id).then(retryOne), REDIS_TIMEOUT_MS);
      return retried;
    }
    for (let seen = 0; seen < RETRY_ALL_LIMIT; seen += PAGE) {
      const page = await withTimeout(queue.getFailed(0, PAGE - 1), REDIS_TIMEOUT_MS);
      if (page.length === 0) break;
      const before = retried;
      for (const job of page) await withTimeout(retryOne(job), REDIS_TIMEOUT_MS);
      if (retried === before) break;
    }
    return retried;
  }

  private describe(queue: QueueName, job: Job): FailedJob {
    return {
      queue,
      id: job.id ?? '',
      name: job.name,
      data: (job.data ?? {}) as Record<string, unknown>,
      attemptsMade: job.attemptsMade,
      failedReason: (job.failedReason ?? '').split('\n')[0].slice(0, 200),
      failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      createdAt: new Date(job.timestamp),
    };
  }
}
