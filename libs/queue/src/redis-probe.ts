import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '#libs/config';
import { withTimeout } from './with-timeout.js';

/** A small connection of its own for health checks: it fails fast instead of queueing commands while Redis is down. */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000 });
    // Errors surface through ping(); without a listener ioredis would log every reconnect attempt.
    this.redis.on('error', () => undefined);
  }

  /** Whether the probe's connection is up right now (no round trip). */
  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  async ping(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    await withTimeout(this.redis.ping(), timeoutMs);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
