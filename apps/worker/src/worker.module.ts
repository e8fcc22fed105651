import { Module } from '@nestjs/common';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { QueueModule } from '#libs/queue';
import { RoutingModule } from '#libs/routing';
import { RoutingProcessor } from './routing.processor.js';

/** The worker process: every BullMQ processor lives here, and nowhere else. No HTTP. */
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, RoutingModule],
  providers: [RoutingProcessor],
})
export class WorkerModule {}
