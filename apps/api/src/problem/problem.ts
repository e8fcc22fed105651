import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the one error format of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  /** Extension member: the request's id, as in its X-Request-Id header and on its log lines. */
  requestId?: string;
  /** Extension member of the health check: the state of each dependency. */
  checks?: Record<string, unknown>;
}

/** Thrown for any request that does not satisfy the contract; the filter answers it as problem+json. */
export class RequestValidationError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldProblem[],
    readonly title = 'The request is not valid',
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

/** Flattens class-validator errors into one entry per offending field, with its dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const context = error.contexts?.[constraint] as { field?: string } | undefined;
      const field = context?.field ?? path;
      if (constraint === 'whitelistValidation') problems.push({ field, message: `${field} is not a known field` });
      else problems.push({ field, message });
    }
    problems.push(...fieldProblems(error.children ?? [], path));
  }
  return problems;
}

export const validationExceptionFactory = (errors: ValidationError[]): RequestValidationError =>
  new RequestValidationError(422, fieldProblems(errors));
