import { RateLimiterRes } from 'rate-limiter-flexible';

/** A client asked too often; answered 429 with Retry-After (problem+json, by the API's problem filter). */
export class RateLimitError extends Error {
  constructor(
    /** Whole seconds until the client may try again (at least 1). */
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = 'RateLimitError';
  }
}

/** Turns a limiter's refusal into a RateLimitError saying when to come back; anything else is rethrown as it is. */
export function refusal(rejection: unknown, what: string): never {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw new RateLimitError(seconds, `${what}; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
}
