import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { logContext } from './log-context.js';
import { httpRequestDuration } from './metrics.js';
import { REQUEST_ID_HEADER, requestIdFrom, requestIdOf } from './request-id.js';

/**
 * The route a request matched, as its template (`/api/v1/intakes/{trackingCode}`), never the path itself: no tracking
 * codes or ids in metric labels or logs. The pages and files are `static`; what matched nothing is `unmatched`.
 */
export function routeTemplateOf(request: Request, status: number): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string' && path.startsWith('/')) return `${request.baseUrl}${path}`.replace(/:(\w+)/g, '{$1}');
  return status < 400 ? 'static' : 'unmatched';
}

/**
 * First middleware of the app: gives the request its id (the caller's sane X-Request-Id, else a UUID), echoes it in
 * the X-Request-Id response header, and when the answer is sent observes its duration by route and status and writes
 * one log line: server errors at `error` (503, the database away, at `warn`), client errors at `info`, the rest at
 * `debug` (LOG_LEVEL=debug logs every request). The line holds the request id, method, route template, status and duration; no address, path or body.
 */
export function observeRequests(log: Pino) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    (request as Request & { id?: string }).id = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      // Closed before the answer was complete: the client went away (499, as proxies write it).
      const status = response.writableFinished ? response.statusCode : 499;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(request, status);
      httpRequestDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      // 503 is the database briefly away: the service says so on purpose (and the problem filter warns once per cause).
      const level = status === 503 ? 'warn' : status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (log.isLevelEnabled(level)) {
        log[level]({ requestId, method: request.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 }, 'request');
      }
    };
    response.once('finish', observe);
    response.once('close', observe);
    next();
  };
}

/**
 * After the body parser (which calls on from a stream event, outside any context): what runs for this request from
 * here on, guards, handlers, services, logs with the request id.
 */
export function bindRequestLogContext(request: Request, _response: Response, next: NextFunction): void {
  const requestId = requestIdOf(request);
  if (requestId === undefined) return next();
  logContext.run({ requestId }, next);
}
