import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { AuditService } from '#libs/audit';
import { RoutingService } from '#libs/routing';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';
import { AdminGuard } from './admin.guard.js';

export class RoutingFailureDto {
  @ApiProperty() intakeId!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: String, nullable: true }) regionCode!: string | null;
  @ApiProperty({ description: 'Failed attempts.' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The kind of the last error (no request data).' }) error!: string | null;
  @ApiProperty() failedAt!: string;
}

export class RetryRoutingDto {
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('4', { each: true })
  @ApiPropertyOptional({ type: [String], description: 'The intakes to retry; absent or empty: all routing failures.' })
  intakeIds?: string[];
}

export class RetryRoutingResultDto {
  @ApiProperty() routed!: number;
  @ApiProperty({ description: 'Failed again: back on the list.' }) stillFailing!: number;
}

/** Intakes the safety net gave up routing (routing_failed): what went wrong, and a way to try again. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AdminGuard)
@Controller('api/v1/admin/routing-failures')
export class RoutingFailuresController {
  constructor(
    private readonly routing: RoutingService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Intakes that could not be routed after every attempt (routing_failed), with their error' })
  @ApiOkResponse({ type: [RoutingFailureDto] })
  async list(): Promise<RoutingFailureDto[]> {
    return (await this.routing.failures()).map((f) => ({ ...f, receivedAt: f.receivedAt.toISOString(), failedAt: f.failedAt.toISOString() }));
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Route routing failures again now: some, or all (audited)' })
  @ApiOkResponse({ type: RetryRoutingResultDto })
  async retry(@CurrentActor() actor: Actor, @Body() body: RetryRoutingDto): Promise<RetryRoutingResultDto> {
    const result = await this.routing.retryFailures(body.intakeIds ?? []);
    await this.audit.record({ actor, action: 'routing.retried', details: { intakeIds: body.intakeIds ?? 'all', ...result } });
    return result;
  }
}
