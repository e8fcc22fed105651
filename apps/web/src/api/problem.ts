import type { FieldProblem } from './types';

/** An error answer of the API (RFC 9457 problem+json), reduced to what the forms show. */
export interface ApiProblem {
  status: number;
  title: string | null;
  detail: string | null;
  errors: FieldProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function toProblem(error: unknown, response: Response): ApiProblem {
  const body = isRecord(error) ? error : {};
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is FieldProblem => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string')
    : [];
  return {
    status: response.status,
    title: typeof body.title === 'string' ? body.title : null,
    detail: typeof body.detail === 'string' ? body.detail : null,
    errors,
  };
}

/** A problem for a request that failed before the server answered (offline, aborted). */
export function networkProblem(): ApiProblem {
  return { status: 0, title: null, detail: null, errors: [] };
}

/** The first message per field, keyed by the field path the server names ("postcode", "person.ageBand"). */
export function fieldErrors(problem: ApiProblem | null): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (!(e.field in byField)) byField[e.field] = e.message;
  }
  return byField;
}
