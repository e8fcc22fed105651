import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { StaffError } from './staff.error.js';

/** Failed login attempts allowed per username and address within the window. */
export const LOGIN_FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Brakes password guessing: after too many failed logins for one username from one address, further attempts are
 * refused (429) until the window ends. Counted in Redis so every API process shares the count; in memory while
 * Redis is away.
 */
@Injectable()
export class LoginRateLimiter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.on('error', () => undefined);
    const options = { points: LOGIN_FAILURES_ALLOWED, duration: WINDOW_SECONDS, keyPrefix: `${config.queuePrefix}:login-failures` };
    this.limiter = new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
  }

  /**
   * Counts the attempt before the password is checked (so parallel guesses cannot slip past the count) and throws
   * when the key has used up its attempts. A successful login then clears the count.
   */
  async consumeAttempt(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new StaffError('too_many_attempts', `Too many failed logins; try again in ${Math.ceil(rejection.msBeforeNext / 60000)} minute(s).`);
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
