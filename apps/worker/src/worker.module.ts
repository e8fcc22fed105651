import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { MaintenanceModule } from '#libs/maintenance';
import { ObservabilityModule } from '#libs/observability';
import { QueueModule } from '#libs/queue';
import { RoutingModule } from '#libs/routing';
import { AssignmentProcessor } from './assignment.processor.js';
import { CaseTimersProcessor } from './case-timers.processor.js';
import { RoutingProcessor } from './routing.processor.js';
import { SweepTimer } from './sweep-timer.js';

/** The worker process: every BullMQ processor, and the safety-net sweep's timer. No HTTP, except metrics on METRICS_PORT. */
@Module({
  imports: [ConfigModule, ObservabilityModule, DatabaseModule, QueueModule, RoutingModule, CasesModule, MaintenanceModule],
  providers: [RoutingProcessor, CaseTimersProcessor, AssignmentProcessor, SweepTimer],
})
export class WorkerModule {}
