import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { TEAMS } from '#libs/classification';
import { CasesService, type WorklistLoad } from '#libs/cases';
import { registerMetricsSource, unregisterMetricsSource, type MetricsSource } from '#libs/observability';
import { OutboxRelay, Queues, RedisProbe, withTimeout } from '#libs/queue';
import { RegionsService } from '#libs/regions';
import { RoutingService } from '#libs/routing';

/** A slow PostgreSQL or Redis makes a scrape lack their series (and say so), never hang. */
const SOURCE_TIMEOUT_MS = 2000;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The figures read from PostgreSQL and Redis when /metrics is scraped: queue depths, the outbox, the routing backlog,
 * open and overdue cases per worklist. They are the same whichever api is asked (they describe the deployment, not
 * the process), so a dashboard takes max() over instances. Each source answers within SOURCE_TIMEOUT_MS or its series
 * are left out of that scrape, and `werkloket_metrics_source_up{source}` is 0.
 */
@Injectable()
export class OperationalMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly registry = new Registry();
  private readonly sourceUp = this.gauge('werkloket_metrics_source_up', 'Whether this scrape read the source (postgres, redis) in time: 1, or 0 and its series are missing.', ['source']);
  private readonly queueJobs = this.gauge('werkloket_queue_jobs', 'BullMQ jobs per queue and state (waiting, active, delayed, failed).', ['queue', 'state']);
  private readonly outboxPending = this.gauge('werkloket_outbox_pending', 'Outbox rows committed but not yet handed to Redis.');
  private readonly outboxOldest = this.gauge('werkloket_outbox_oldest_pending_seconds', 'Age of the oldest outbox row not yet handed to Redis (0 when none).');
  private readonly routingBacklog = this.gauge('werkloket_routing_backlog_oldest_seconds', 'Age of the oldest intake still waiting to be routed (0 when none).');
  private readonly routingFailed = this.gauge('werkloket_routing_failed_intakes', 'Intakes parked as routing_failed (see /api/v1/admin/routing-failures).');
  private readonly openCases = this.gauge('werkloket_open_cases', 'Open cases per worklist (region, or national, and team).', ['region', 'team']);
  private readonly overdueCases = this.gauge('werkloket_overdue_cases', 'Open cases past their next deadline, per worklist.', ['region', 'team']);
  private readonly queues: [string, Queue][];
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly cases: CasesService,
    private readonly redisProbe: RedisProbe,
    private readonly routing: RoutingService,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxRelay,
    queues: Queues,
  ) {
    this.queues = [...queues.all];
  }

  /** Renders this api's scrape-time series (after reading them fresh). */
  readonly render: MetricsSource = async () => {
    await this.refresh();
    return this.registry.metrics();
  };

  onApplicationBootstrap(): void {
    registerMetricsSource(this.render);
  }

  onApplicationShutdown(): void {
    unregisterMetricsSource(this.render);
  }

  /** One reading at a time: concurrent scrapes share it. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async read(): Promise<void> {
    const [postgres, redis] = await Promise.all([this.inTime((current) => this.readPostgres(current)), this.inTime((current) => this.readRedis(current))]);
    this.sourceUp.set({ source: 'postgres' }, postgres ? 1 : 0);
    this.sourceUp.set({ source: 'redis' }, redis ? 1 : 0);
    if (!postgres) for (const gauge of [this.outboxPending, this.outboxOldest, this.routingBacklog, this.routingFailed, this.openCases, this.overdueCases]) gauge.reset();
    if (!redis) this.queueJobs.reset();
  }

  /** Runs a read with the timeout; the read sets its gauges only while `current()` says it is still in time. */
  private async inTime(read: (current: () => boolean) => Promise<void>): Promise<boolean> {
    let current = true;
    return withTimeout(read(() => current), SOURCE_TIMEOUT_MS).then(
      () => true,
      () => {
        current = false;
        return false;
      },
    );
  }

  /** Three short reads; values are set only once all arrived in time, so a late answer changes nothing. */
  private async readPostgres(current: () => boolean): Promise<void> {
    const [outbox, worklists, backlog] = await Promise.all([
      this.outbox.backlog(),
      this.cases.openCasesPerWorklist(),
      this.routing.backlog(),
    ]);
    if (current()) this.setPostgres(outbox, worklists, backlog);
  }

  private setPostgres(
    outbox: { pending: number; oldestSeconds: number | null },
    worklists: WorklistLoad[],
    backlog: { oldestSeconds: number | null; failures: number },
  ): void {
    this.outboxPending.set(outbox.pending);
    this.outboxOldest.set(outbox.oldestSeconds ?? 0);
    this.routingBacklog.set(backlog.oldestSeconds === null ? 0 : Math.max(0, backlog.oldestSeconds));
    this.routingFailed.set(backlog.failures);
    // Every worklist, at 0 when it has no open case, so an emptied worklist shows 0 instead of vanishing.
    this.openCases.reset();
    this.overdueCases.reset();
    for (const region of this.regions.list()) {
      for (const team of TEAMS) {
        this.openCases.set({ region: region.code, team }, 0);
        this.overdueCases.set({ region: region.code, team }, 0);
      }
    }
    this.openCases.set({ region: 'national', team: 'triage' }, 0);
    this.overdueCases.set({ region: 'national', team: 'triage' }, 0);
    for (const row of worklists) {
      const labels = { region: row.regionCode ?? 'national', team: row.team };
      this.openCases.set(labels, row.open);
      this.overdueCases.set(labels, row.overdue);
    }
  }

  private async readRedis(current: () => boolean): Promise<void> {
    // Fails fast while Redis is away (BullMQ's own connection would wait for it).
    await this.redisProbe.ping(SOURCE_TIMEOUT_MS);
    const counts = await Promise.all(this.queues.map(([, queue]) => queue.getJobCounts(...QUEUE_STATES)));
    if (!current()) return;
    this.queueJobs.reset();
    this.queues.forEach(([name], index) => {
      for (const state of QUEUE_STATES) this.queueJobs.set({ queue: name, state }, counts[index][state] ?? 0);
    });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
