import { Controller, Get, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '#libs/config';
import { METRICS_CONTENT_TYPE, metricsAuthorized, renderMetrics } from '#libs/observability';
import { Public } from '../auth/auth.guard.js';
import { OperationalMetrics } from './operational-metrics.js';

/**
 * Prometheus metrics on the main port (unless METRICS_PORT serves them on a port of their own). Open to the guard,
 * closed by its own check: with METRICS_TOKEN set only `Authorization: Bearer <token>` gets in (production always has
 * a token or a separate port). Not part of the API contract, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly operational: OperationalMetrics,
  ) {}

  @Get()
  async metrics(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.config.metricsPort !== undefined) throw new NotFoundException('Not found.');
    if (!metricsAuthorized(request.headers.authorization, this.config.metricsToken)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('Send the metrics token as "Authorization: Bearer <token>".');
    }
    const body = await renderMetrics(this.operational.render);
    response.setHeader('Content-Type', METRICS_CONTENT_TYPE);
    response.setHeader('Cache-Control', 'no-store');
    response.send(body);
  }
}
