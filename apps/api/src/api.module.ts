import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { fileURLToPath } from 'node:url';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '#libs/audit';
import { CasesModule } from '#libs/cases';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { IntakeModule } from '#libs/intake';
import { QueueModule } from '#libs/queue';
import { RateLimitModule } from '#libs/rate-limit';
import { RegionsModule } from '#libs/regions';
import { StaffModule } from '#libs/staff';
import { TrackingModule } from '#libs/tracking';
import { ReportsModule } from '#libs/reports';
import { RoutingModule } from '#libs/routing';
import { ObservabilityModule } from '#libs/observability';
import { RegionSettingsController } from './admin/region-settings.controller.js';
import { RoutingFailuresController } from './admin/routing-failures.controller.js';
import { FailedJobsController } from './admin/failed-jobs.controller.js';
import { FailedJobsService } from './admin/failed-jobs.service.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { OperationalMetrics } from './metrics/operational-metrics.js';
import { RegionsController } from './regions/regions.controller.js';
import { ReplayController } from './reports/replay.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { OutcomeReportsController } from './reports/outcome-reports.controller.js';
import { AuditController } from './admin/audit.controller.js';
import { AdminGuard } from './admin/admin.guard.js';
import { UsersController } from './admin/users.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { HandoffsController } from './cases/handoffs.controller.js';
import { MeController } from './me/me.controller.js';
import { OverviewController } from './overview/overview.controller.js';
import { JsonOnlyMiddleware } from './problem/json-only.middleware.js';
import { AuthGuard } from './auth/auth.guard.js';
import { CasesController } from './cases/cases.controller.js';
import { DemoSeeder } from './demo/demo-seeder.js';
import { HealthController } from './health/health.controller.js';
import { IntakeController } from './intake/intake.controller.js';
import { WorklistsController } from './worklists/worklists.controller.js';
import { HttpDrain } from './shutdown/http-drain.js';

/** dist/web, from the compiled app (dist/apps/api/src) and from the sources (apps/api/src, in tests). */
const WEB_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../web/' : '../../../dist/web/', import.meta.url));

/** The HTTP API. It produces jobs (through the outbox) and never consumes them. */
@Module({
  imports: [
    ConfigModule,
    ObservabilityModule,
    DatabaseModule,
    QueueModule,
    RegionsModule,
    IntakeModule,
    TrackingModule,
    CasesModule,
    StaffModule,
    ReportsModule,
    RoutingModule,
    AuditModule,
    RateLimitModule,
    TerminusModule,
    // The pages (apps/web, built by Vite into dist/web) on the same port; every other path falls back to the
    // single-page app's index.html, except the API, the OpenAPI document, the health check and the metrics.
    ServeStaticModule.forRoot({ rootPath: WEB_ROOT, exclude: /^\/(api|docs|health|metrics)(\/|$)/, serveStaticOptions: { index: 'index.html', maxAge: '1h' } }),
  ],
  controllers: [
    IntakeController,
    AuthController,
    WorklistsController,
    CasesController,
    HandoffsController,
    OverviewController,
    MeController,
    ReportsController,
    OutcomeReportsController,
    ReplayController,
    UsersController,
    AuditController,
    RegionSettingsController,
    HealthController,
    RegionsController,
    RoutingFailuresController,
    FailedJobsController,
    MetricsController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, AdminGuard, DemoSeeder, HttpDrain, OperationalMetrics, FailedJobsService],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonOnlyMiddleware).forRoutes('*path');
  }
}
