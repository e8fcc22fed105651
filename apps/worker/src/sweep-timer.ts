import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import { MaintenanceService } from '#libs/maintenance';
import { QueueName } from '#libs/queue';

/** The advisory-lock key of the sweep: one sweep at a time across every worker process. */
const SWEEP_LOCK_KEY = 727_001;

/**
 * Drives the safety-net sweep from a timer in every worker process instead of a schedule kept in Redis: the net
 * must not depend on what it protects. Each tick takes a PostgreSQL advisory lock, so only one process sweeps at a
 * time; the others skip that tick.
 */
@Injectable()
export class SweepTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepTimer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly maintenance: MaintenanceService,
    @InjectQueue(QueueName.Maintenance) private readonly legacyQueue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Earlier versions scheduled the sweep in Redis; that schedule is retired (best effort: Redis may be away).
    await this.legacyQueue.removeJobScheduler('maintenance-sweep').catch(() => undefined);
    this.schedule(Math.min(5_000, this.config.sweepIntervalMs));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.config.sweepIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  /** Sweeps when this process gets the lock; errors are logged by kind and the next tick tries again. */
  async tick(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const rows = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY])) as { locked: boolean }[];
      if (!rows[0]?.locked) return false;
      try {
        const report = await this.maintenance.sweep();
        const done = Object.entries(report).filter(([, n]) => n > 0);
        if (done.length > 0) this.logger.log(`Sweep: ${done.map(([k, n]) => `${k} ${n}`).join(', ')}`);
        return true;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } catch (error) {
      this.logger.error(`Sweep failed: ${error instanceof Error ? error.name : 'Error'}`);
      return false;
    } finally {
      await runner.release();
    }
  }
}
