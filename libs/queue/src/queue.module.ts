import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { OutboxEntry } from './outbox.entity.js';
import { OutboxRelay } from './outbox.js';
import { Queues } from './queues.js';
import { RedisProbe } from './redis-probe.js';
import { QueueName } from './queue-names.js';
import { redisKeyPrefix } from './redis-keys.js';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/** BullMQ connection and queues. Producing only: processors are registered by the worker app. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl },
        prefix: redisKeyPrefix(config.queuePrefix),
      }),
    }),
    ...queues,
    TypeOrmModule.forFeature([OutboxEntry]),
  ],
  providers: [Queues, OutboxRelay, RedisProbe],
  exports: [...queues, Queues, OutboxRelay, RedisProbe],
})
export class QueueModule {}
