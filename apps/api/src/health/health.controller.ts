import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { RedisProbe } from '#libs/queue';

const TIMEOUT_MS = 1500;

/** 200 only when PostgreSQL and Redis both answer. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redisProbe: RedisProbe,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Health: PostgreSQL and Redis answer', security: [] })
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer: { status: "ok", info, details }.' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer; the body names which.' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: TIMEOUT_MS }), () => this.redis()]);
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
