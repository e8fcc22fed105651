import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CasesModule } from '#libs/cases';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { IntakeModule } from '#libs/intake';
import { QueueModule } from '#libs/queue';
import { RegionsModule } from '#libs/regions';
import { StaffModule } from '#libs/staff';
import { TrackingModule } from '#libs/tracking';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { CasesController } from './cases/cases.controller.js';
import { DemoSeeder } from './demo-seeder.js';
import { HealthController } from './health/health.controller.js';
import { IntakeController } from './intake/intake.controller.js';
import { WorklistsController } from './worklists/worklists.controller.js';

/** The HTTP API. It produces jobs (through the outbox) and never consumes them. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    RegionsModule,
    IntakeModule,
    TrackingModule,
    CasesModule,
    StaffModule,
    TerminusModule,
  ],
  controllers: [IntakeController, AuthController, WorklistsController, CasesController, HealthController],
  providers: [AuthGuard, DemoSeeder],
})
export class ApiModule {}
