import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '#libs/config';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { RedisProbe, withTimeout } from '#libs/queue';
import { RoutingService } from '#libs/routing';
import { Public } from '../auth/auth.guard.js';

const TIMEOUT_MS = 1500;

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'unready'] }) status!: 'ok' | 'degraded' | 'unready';
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: Number, nullable: true }) oldestUnroutedSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) routingFailures!: number | null;
  @ApiProperty({ enum: ['up', 'down', 'unknown'] }) redis!: 'up' | 'down' | 'unknown';
}

/** `/health`: 200 only when PostgreSQL and Redis both answer (the contract); `/health/live` and `/health/ready`. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redisProbe: RedisProbe,
    private readonly routing: RoutingService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Health: PostgreSQL and Redis answer', security: [] })
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer: { status: "ok", info, details }.' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer; the body names which.' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: TIMEOUT_MS }), () => this.redis()]);
  }

  /** Liveness: the process is up and answering (restart it only when this fails). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers', security: [] })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /**
   * Readiness: can this instance accept intakes? Only PostgreSQL is required (503 without it). Redis down is
   * degraded, not unready: the outbox keeps the work until Redis is back. A routing backlog older than
   * READY_MAX_BACKLOG_SECONDS, or intakes given up as routing_failed, are degraded too, with the reason.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL answers (503 otherwise); degraded with the reasons', security: [] })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'PostgreSQL does not answer.' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    let backlog: { oldestSeconds: number | null; failures: number };
    try {
      backlog = await withTimeout(this.routing.backlog(), TIMEOUT_MS);
    } catch (error) {
      response.status(503).setHeader('Retry-After', '5');
      return { status: 'unready', reasons: [`postgres: ${error instanceof Error ? error.name : 'unavailable'}`], oldestUnroutedSeconds: null, routingFailures: null, redis: 'unknown' };
    }
    const redisUp = await this.redisProbe.ping(TIMEOUT_MS).then(() => true, () => false);
    const reasons: string[] = [];
    if (!redisUp) reasons.push('redis: down (intakes are accepted and kept in the outbox until it is back)');
    if (backlog.oldestSeconds !== null && backlog.oldestSeconds > this.config.readyMaxBacklogSeconds) reasons.push(`backlog: the oldest unrouted intake waits ${Math.round(backlog.oldestSeconds)} s`);
    if (backlog.failures > 0) reasons.push(`routing_failed: ${backlog.failures} intake(s), see /api/v1/admin/routing-failures`);
    return {
      status: reasons.length === 0 ? 'ok' : 'degraded',
      reasons,
      oldestUnroutedSeconds: backlog.oldestSeconds === null ? null : Math.round(backlog.oldestSeconds),
      routingFailures: backlog.failures,
      redis: redisUp ? 'up' : 'down',
    };
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redisProbe.ping(TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
