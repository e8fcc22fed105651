import type { LoggerService } from '@nestjs/common';
import { pino, stdTimeFunctions, type DestinationStream, type Logger as Pino } from 'pino';
import type { LogLevelName } from '#libs/config';
import { logContext } from './log-context.js';

/**
 * Fields that can hold personal data or credentials. Our own log calls pass ids and kinds, never request data; this is
 * the net under that rule: any such field in a logged object (at the top, one level down, or in headers) is replaced.
 */
const SENSITIVE_FIELDS = ['password', 'token', 'accessToken', 'csrfToken', 'authorization', 'cookie', 'contact', 'email', 'phone', 'question', 'text', 'note', 'reason', 'postcode', 'kvkNumber', 'body', 'ip'];
export const REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_FIELDS.flatMap((field) => [field, `*.${field}`]),
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-csrf-token"]',
];

/** The process's JSON logger: one line per entry on stdout, level as a word, ISO time, personal fields redacted. */
export function createPino(level: LogLevelName, destination: DestinationStream = process.stdout): Pino {
  return pino(
    {
      level,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    },
    destination,
  );
}

type Fields = Record<string, unknown>;

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

function looksLikeStack(value: unknown): value is string {
  return typeof value === 'string' && /\n\s+at /.test(value);
}

/**
 * Nest's LoggerService on pino: `new Logger(Context).log('…')` anywhere in the code becomes a JSON line with `context`,
 * and with the request id (or the job's id and intake id) of the work in progress. Follows Nest's argument
 * conventions: the last string argument is the context; for errors, a stack trace before it is kept as `stack`;
 * plain objects are merged into the line as fields.
 */
export class AppLogger implements LoggerService {
  readonly pino: Pino;

  constructor(level: LogLevelName, destination?: DestinationStream) {
    this.pino = createPino(level, destination);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    // Nest's Logger passes its context last (and `undefined` in the stack's place for errors without one).
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' && !looksLikeStack(rest[rest.length - 1]) ? (rest.pop() as string) : undefined;
    const fields: Fields = { ...logContext.getStore() };
    if (context) fields.context = context;
    for (const param of rest) {
      if (looksLikeStack(param)) fields.stack = param;
      else if (isPlainObject(param)) Object.assign(fields, param);
    }
    let text: string;
    if (message instanceof Error) {
      // The error's kind and where it happened, not its message: driver messages can quote request data.
      fields.errorKind = message.name;
      if (message.stack) fields.stack = message.stack.split('\n').slice(1, 12).join('\n');
      text = message.name;
    } else if (isPlainObject(message)) {
      const { msg, message: inner, ...other } = message;
      Object.assign(fields, other);
      text = typeof msg === 'string' ? msg : typeof inner === 'string' ? inner : '';
    } else {
      text = String(message);
    }
    this.pino[level](fields, text);
  }
}
