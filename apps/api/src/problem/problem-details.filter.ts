import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CaseError, type CaseErrorCode } from '#libs/cases';
import { IntakeError, type IntakeErrorCode } from '#libs/intake';
import { requestIdOf } from '#libs/observability';
import { RateLimitError } from '#libs/rate-limit';
import { StaffError, type StaffErrorCode } from '#libs/staff';
import { RequestValidationError, type ProblemDetails } from './problem.js';

const CASE_STATUS: Record<CaseErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  invalid_transfer: 422,
  not_assignee: 403,
  conflict: 409,
  invalid_assignment: 422,
};
const INTAKE_STATUS: Record<IntakeErrorCode, number> = { not_found: 404, idempotency_conflict: 422 };
const STAFF_STATUS: Record<StaffErrorCode, number> = {
  invalid_credentials: 401,
  invalid_token: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_scope: 422,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'The request is not valid',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** Errors that mean PostgreSQL cannot be reached right now (connection refused, reset, shutting down, too many clients). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);

function isUnavailable(exception: unknown): boolean {
  const error = exception as { name?: string; code?: string; driverError?: { code?: string }; message?: string } | null;
  if (!error) return false;
  // A pool connection that died mid-request surfaces as a released query runner, not as a driver code.
  if (error.name === 'QueryRunnerAlreadyReleasedError') return true;
  const code = error.driverError?.code ?? error.code;
  return (code !== undefined && UNAVAILABLE_CODES.has(code)) || /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(error.message ?? '');
}

/** Deadlock or serialization failure: a concurrent change won; the request can simply be retried. */
function isConflictingWrite(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: string } } | null)?.driverError?.code;
  return code === '40P01' || code === '40001';
}

function problem(status: number, detail: string | undefined, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

/** Turns every error into RFC 9457 problem+json. Unexpected errors are logged without request data. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The request id (also in the X-Request-Id header and on every log line of the request) lets support find the logs.
    const requestId = requestIdOf(request);
    const body = { ...this.toProblem(exception), instance: request.originalUrl.split('?')[0], ...(requestId ? { requestId } : {}) };
    if (body.status === 503) response.setHeader('Retry-After', '30');
    if (exception instanceof RateLimitError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.status).type('application/problem+json').json(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof RequestValidationError) {
      return problem(exception.status, exception.message, { title: exception.title, errors: exception.errors });
    }
    if (exception instanceof CaseError) {
      const status = CASE_STATUS[exception.code];
      return problem(status, exception.message, exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {});
    }
    if (exception instanceof IntakeError) {
      const field = exception.code === 'idempotency_conflict' ? [{ field: 'Idempotency-Key', message: exception.message }] : undefined;
      return problem(INTAKE_STATUS[exception.code], exception.message, field ? { errors: field } : {});
    }
    if (exception instanceof StaffError) {
      return problem(STAFF_STATUS[exception.code], exception.message, exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {});
    }
    if (exception instanceof RateLimitError) return problem(429, exception.message);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError?.type === 'entity.too.large') return problem(413, 'The request body is larger than 32 KiB.');
    if (bodyParserError?.type === 'entity.parse.failed') return problem(400, 'The request body is not valid JSON.');
    if (isConflictingWrite(exception)) {
      return problem(409, 'Someone else changed this at the same moment; please try again.');
    }
    if (isUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      return problem(503, 'The service is briefly unavailable; please try again in a minute. This request was not stored.');
    }
    // Log the error's kind and where it happened, not its message: driver messages can quote request data.
    this.logger.error(exception instanceof Error ? `${exception.name}\n${(exception.stack ?? '').split('\n').slice(1, 8).join('\n')}` : 'Unknown error');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'Something went wrong on our side.');
  }

  private fromHttpException(exception: HttpException): ProblemDetails {
    const status = exception.getStatus();
    const health = exception.getResponse() as { details?: Record<string, { status: string }> } | undefined;
    if (status === 503 && health?.details) {
      const down = Object.entries(health.details).filter(([, check]) => check.status !== 'up').map(([name]) => name);
      return problem(503, `Not ready: ${down.join(', ')} not answering.`, { checks: health.details });
    }
    const cause = exception.cause as { type?: string } | undefined;
    if (status === 413 || cause?.type === 'entity.too.large') return problem(413, 'The request body is larger than 32 KiB.');
    if (status === 415) return problem(415, exception.message);
    if (status === 400 && exception.message.toLowerCase().includes('json')) return problem(400, 'The request body is not valid JSON.');
    const response = exception.getResponse();
    const detail = typeof response === 'object' && response !== null && 'message' in response ? String(response.message) : exception.message;
    return problem(status, detail);
  }
}
