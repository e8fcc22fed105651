import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationError, type FieldProblem } from './problem.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses what no field may hold before anything else looks at it: the NUL character (PostgreSQL cannot store
 * it) and prototype keys. Runs on bodies, query strings and path parameters alike.
 */
@Injectable()
export class RejectUnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: FieldProblem[] = [];
    this.inspect(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type), problems);
    if (problems.length > 0) throw new RequestValidationError(metadata.type === 'param' ? 404 : 422, problems);
    return value;
  }

  private inspect(value: unknown, path: string, problems: FieldProblem[]): void {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ field: path || 'body', message: `${path || 'body'} must not contain the NUL character` });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) problems.push({ field: child, message: `${child} is not a known field` });
      else this.inspect((value as Record<string, unknown>)[key], child, problems);
    }
  }
}
