import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '#libs/config';
import { redisKeyPrefix } from '#libs/queue';

/**
 * The one Redis connection of every rate limit, so all API processes share their counts. It never queues a command
 * while Redis is away and gives up on a slow one quickly: each limiter then counts in this process's memory (its
 * insurance limiter) and the loket keeps answering.
 */
@Injectable()
export class RateLimitStore implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
    // Redis being away is not an error of the request: the insurance limiters take over.
    this.redis.on('error', () => undefined);
  }

  /** A limiter of `points` per `durationSeconds` per key, its keys under `{QUEUE_PREFIX}:rate-limit:{name}:`. */
  limiter(name: string, points: number, durationSeconds: number): RateLimiterRedis {
    const options = { points, duration: durationSeconds, keyPrefix: `${redisKeyPrefix(this.config.queuePrefix)}:rate-limit:${name}` };
    return new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
