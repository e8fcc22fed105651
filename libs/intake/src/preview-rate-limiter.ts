import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { IntakeError } from './intake.error.js';

/** Previews one address may ask per minute: plenty for a person typing (the form waits until they pause). */
export const PREVIEWS_PER_MINUTE = 60;

/**
 * The live preview is anonymous and runs the classifier: it is limited per address so nobody can use it as a free
 * classification service. Counted in Redis (shared by every API process), in memory while Redis is away.
 */
@Injectable()
export class PreviewRateLimiter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    const options = { points: PREVIEWS_PER_MINUTE, duration: 60, keyPrefix: `${config.queuePrefix}:previews` };
    this.limiter = new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
  }

  async consume(address: string): Promise<void> {
    try {
      await this.limiter.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new IntakeError('too_many_previews', `Too many previews from this address; try again in ${Math.ceil(rejection.msBeforeNext / 1000)} seconds.`);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
