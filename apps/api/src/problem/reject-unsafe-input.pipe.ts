import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationError, type FieldProblem } from './problem.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No field of the API nests deeper than a few levels; anything far deeper is an attack or a mistake. */
const MAX_DEPTH = 32;

/**
 * Refuses what no field may hold before anything else looks at it: the NUL character (PostgreSQL cannot store
 * it), prototype keys, and absurd nesting. Runs on bodies, query strings and path parameters alike; walks
 * iteratively so no input can exhaust the stack.
 */
@Injectable()
export class RejectUnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = this.inspect(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (problems.length > 0) throw new RequestValidationError(metadata.type === 'param' ? 404 : 422, problems);
    return value;
  }

  private inspect(root: unknown, rootPath: string): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
    while (stack.length > 0 && problems.length < 10) {
      const { value, path, depth } = stack.pop()!;
      const field = path || 'body';
      if (typeof value === 'string') {
        if (value.includes('\u0000')) problems.push({ field, message: `${field} must not contain the NUL character` });
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      if (depth >= MAX_DEPTH) {
        problems.push({ field, message: `${field} is nested too deeply` });
        continue;
      }
      for (const key of Object.keys(value)) {
        const child = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) problems.push({ field: child, message: `${child} is not a known field` });
        else stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
      }
    }
    return problems;
  }
}
