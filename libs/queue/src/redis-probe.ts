import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';

/** A small connection of its own for health checks: it fails fast instead of queueing commands while Redis is down. */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000 });
    // Errors surface through ping(); without a listener ioredis would log every reconnect attempt.
    this.redis.on('error', () => undefined);
  }

  async ping(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.redis.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
