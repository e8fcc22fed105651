import type { JsonObject } from './json.js';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '#libs/config';
import { OutboxEntry } from './outbox.entity.js';
import { DEFAULT_JOB_OPTIONS, jobIds, JobName, QueueName } from './queue-names.js';
import { Queues } from './queues.js';
import { RedisProbe } from './redis-probe.js';
import { withTimeout } from './with-timeout.js';

export interface OutboxMessage {
  queue: QueueName;
  jobName: string;
  jobId: string;
  payload: JsonObject;
  /** Run the job no earlier than this. */
  deliverAt?: Date;
}

/**
 * Writes a job into the outbox inside the caller's transaction: it reaches BullMQ only once that commits.
 * A job id that is already in the outbox means the same job is already on its way.
 */
export async function addToOutbox(manager: EntityManager, ...messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  // One statement for all of them: a case's deadlines are four jobs, one round trip.
  await manager.createQueryBuilder().insert().into(OutboxEntry).values(messages.map((message) => manager.create(OutboxEntry, message))).orIgnore().execute();
}

const BATCH = 100;
/** Intakes per routing job. */
const ROUTING_BATCH = 25;

const isIntakeRouting = (row: OutboxEntry): boolean => row.queue === QueueName.Routing && row.jobName === JobName.RouteIntake;
const REDIS_TIMEOUT_MS = 2000;

/**
 * Relays committed outbox rows to BullMQ. Runs right after each intake (kick) and on a timer, so a row written
 * while Redis was down is delivered once Redis is back. Deterministic job ids make a double relay harmless.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private pendingKick = false;
  private lastRedisWarning = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly redisProbe: RedisProbe,
    private readonly queues: Queues,
  ) {
    // Without a listener BullMQ prints every failed reconnect; one warning a minute tells the operator enough.
    for (const queue of queues.all.values()) queue.on('error', (error: Error) => this.warnRedis(error));
  }

  /** Rows committed but not yet handed to Redis, and the age of the oldest (for metrics). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number | null }> {
    const [row] = await this.dataSource.query<{ pending: number; oldest: string | null }[]>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at)) AS oldest FROM outbox WHERE dispatched_at IS NULL`,
    );
    return { pending: row.pending, oldestSeconds: row.oldest === null ? null : Math.max(0, Number(row.oldest)) };
  }

  private warnRedis(error: Error): void {
    if (Date.now() - this.lastRedisWarning < 60_000) return;
    this.lastRedisWarning = Date.now();
    this.logger.warn(`Outbox relay paused (${error.message}); accepted intakes wait in the outbox`);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.outboxPollMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.pendingKick = false;
    await this.running;
  }

  /** Starts a drain unless one runs; then it runs once more afterwards. Never throws. */
  kick(): void {
    if (this.running) {
      this.pendingKick = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.warnRedis(error as Error))
      .finally(() => {
        this.running = null;
        if (this.pendingKick) {
          this.pendingKick = false;
          this.kick();
        }
      });
  }

  /** Waits until every row committed so far has been relayed (or a relay attempt failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  /** Relays pending rows in batches; returns how many were delivered. */
  async drain(): Promise<number> {
    // Fail fast while Redis is away, so no relay holds row locks that another relay (with Redis) could use. While the
    // probe's connection is up, its state says enough; a ping (a round trip per drain) only once it was lost.
    if (!this.redisProbe.connected) await this.redisProbe.ping(REDIS_TIMEOUT_MS);
    let delivered = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows = await manager
          .createQueryBuilder(OutboxEntry, 'o')
          .where('o.dispatched_at IS NULL')
          .orderBy('o.id')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        // One addBulk per queue and one UPDATE for the batch. A failure rolls the batch back: the rows stay pending and
        // the next tick tries again (the job ids make the jobs that did arrive harmless to add again).
        const byQueue = new Map<Queue, OutboxEntry[]>();
        for (const row of rows) {
          const queue = this.queues.get(row.queue);
          byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
        }
        const now = Date.now();
        for (const [queue, queued] of byQueue) {
          const jobs = queued
            .filter((row) => !isIntakeRouting(row))
            .map((row) => ({
              name: row.jobName,
              data: row.payload,
              opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.jobId, delay: row.deliverAt ? Math.max(0, row.deliverAt.getTime() - now) : 0 },
            }));
          // The intakes of a batch are routed together, in one transaction (routing stays per intake: a row lock and
          // "not classified yet" make a second routing of the same intake do nothing).
          const intakeIds = queued.filter(isIntakeRouting).map((row) => (row.payload as { intakeId: string }).intakeId);
          for (let i = 0; i < intakeIds.length; i += ROUTING_BATCH) {
            const chunk = intakeIds.slice(i, i + ROUTING_BATCH);
            jobs.push({ name: JobName.RouteIntakes, data: { intakeIds: chunk }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.routeIntakes(chunk), delay: 0 } });
          }
          await withTimeout(queue.addBulk(jobs), REDIS_TIMEOUT_MS);
        }
        if (rows.length > 0) {
          await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
        }
        return { sent: rows.length, full: rows.length === BATCH };
      });
      delivered += batch.sent;
      if (!batch.full) return delivered;
    }
  }
}
