import { Injectable } from '@nestjs/common';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { clientKey } from './client-key.js';
import { refusal } from './rate-limit.error.js';
import { RateLimitStore } from './rate-limit-store.js';

/** Previews (POST /api/v1/intakes/preview) one address may ask per minute: plenty for a person typing (the form waits until they pause). */
export const PREVIEWS_PER_MINUTE = 60;

/** The anonymous endpoints limited per client address, each counted on its own. */
export type RequestLimit = 'intakes' | 'status' | 'previews';

const REFUSED: Record<RequestLimit, string> = {
  intakes: 'Too many questions from this address',
  status: 'Too many status look-ups from this address',
  previews: 'Too many previews from this address',
};

/** Requests per minute per client address (IPv6 per /64) on the anonymous endpoints, shared by every API process. */
@Injectable()
export class RequestLimits {
  private readonly limiters: Record<RequestLimit, RateLimiterRedis>;

  constructor(store: RateLimitStore, config: AppConfig) {
    this.limiters = {
      intakes: store.limiter('intakes', config.rateLimitIntakesPerMinute, 60),
      status: store.limiter('status', config.rateLimitStatusPerMinute, 60),
      previews: store.limiter('previews', PREVIEWS_PER_MINUTE, 60),
    };
  }

  /** Counts one request of the client at `address`; throws a RateLimitError when it is over the limit. */
  async consume(limit: RequestLimit, address: string | undefined): Promise<void> {
    try {
      await this.limiters[limit].consume(clientKey(address));
    } catch (rejection) {
      refusal(rejection, REFUSED[limit]);
    }
  }
}
