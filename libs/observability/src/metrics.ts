import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The metrics this process counts itself (HTTP, logins, classifications, jobs) plus Node's own (CPU, memory, event
 * loop, GC). One registry per process: an api and a worker started in one process (`npm start`) count into the same.
 * Figures read from PostgreSQL and Redis on scrape (queue depths, outbox, open cases) are the api's: see
 * apps/api/src/metrics/operational-metrics.ts.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const httpRequestDuration = new Histogram({
  name: 'werkloket_http_request_duration_seconds',
  help: 'HTTP requests by method, route template (never the raw path) and status, with their duration.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const loginFailures = new Counter({
  name: 'werkloket_login_failures_total',
  help: 'Logins refused for an unknown username or a wrong password (logins held by the brake are 429s in the HTTP histogram).',
  registers: [processRegistry],
});

export const classifications = new Counter({
  name: 'werkloket_classifications_total',
  help: 'Intakes classified by routing, per fired rule and route (an intake fires one or more rules; counted once it is stored).',
  labelNames: ['rule', 'route'] as const,
  registers: [processRegistry],
});

export const classifiedIntakes = new Counter({
  name: 'werkloket_intakes_classified_total',
  help: 'Intakes classified by routing, per region (national: none known) and route; once per intake.',
  labelNames: ['region', 'route'] as const,
  registers: [processRegistry],
});

export const jobsFinished = new Counter({
  name: 'werkloket_jobs_total',
  help: 'BullMQ job attempts finished by this worker process, per queue and outcome (a failed attempt may be retried).',
  labelNames: ['queue', 'outcome'] as const,
  registers: [processRegistry],
});

/** Counts a stored classification: the intake once for its region and route, and once per fired rule. */
export function countClassification(result: { route: string; firedRules: readonly string[] }, regionCode: string | null): void {
  classifiedIntakes.inc({ region: regionCode ?? 'national', route: result.route });
  if (result.firedRules.length === 0) classifications.inc({ rule: 'none', route: result.route });
  for (const rule of result.firedRules) classifications.inc({ rule, route: result.route });
}

/** The Prometheus text format's content type. */
export const METRICS_CONTENT_TYPE = processRegistry.contentType;

/** Something that adds series to this process's /metrics when scraped (the api's PostgreSQL and Redis figures). */
export type MetricsSource = () => Promise<string>;

let operationalSource: MetricsSource | null = null;

/**
 * The api registers its scrape-time figures here, so the separate metrics port (METRICS_PORT) serves them too. One
 * source per process: a second api in the same process (tests) leaves the first in place.
 */
export function registerMetricsSource(source: MetricsSource): void {
  operationalSource ??= source;
}

export function unregisterMetricsSource(source: MetricsSource): void {
  if (operationalSource === source) operationalSource = null;
}

/** The whole exposition: this process's own series, then the given (or the registered) scrape-time source's. */
export async function renderMetrics(source: MetricsSource | null = operationalSource): Promise<string> {
  const own = await processRegistry.metrics();
  return source ? `${own}${own.endsWith('\n') ? '' : '\n'}${await source()}` : own;
}
