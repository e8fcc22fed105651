export { AppLogger, createPino, REDACT_PATHS } from './app-logger.js';
export { bindRequestLogContext, observeRequests, routeTemplateOf } from './http-observer.js';
export { jobLogFields, logContext } from './log-context.js';
export type { LogFields } from './log-context.js';
export { metricsAuthorized } from './metrics-auth.js';
export { MetricsPort } from './metrics-port.js';
export {
  classifications,
  classifiedIntakes,
  countClassification,
  httpRequestDuration,
  jobsFinished,
  loginFailures,
  METRICS_CONTENT_TYPE,
  processRegistry,
  registerMetricsSource,
  renderMetrics,
  unregisterMetricsSource,
} from './metrics.js';
export type { MetricsSource } from './metrics.js';
export { ObservabilityModule } from './observability.module.js';
export { REQUEST_ID_HEADER, requestIdFrom, requestIdOf } from './request-id.js';
