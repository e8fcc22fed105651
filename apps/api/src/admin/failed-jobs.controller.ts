import { Body, Controller, Get, HttpCode, Logger, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuditService } from '#libs/audit';
import { QueueName } from '#libs/queue';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';
import { AdminGuard } from './admin.guard.js';
import { FailedJobsService } from './failed-jobs.service.js';

const QUEUES = Object.values(QueueName);

export class FailedJobsQueryDto {
  @IsOptional() @IsIn(QUEUES)
  @ApiPropertyOptional({ enum: QUEUES, description: 'One queue; absent: all queues.' })
  queue?: QueueName;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  limit?: number;
}

export class FailedJobDto {
  @ApiProperty({ enum: QUEUES }) queue!: string;
  @ApiProperty({ example: 'route-intake-0b6f0c5e-3a9e-4f51-9a43-1f2b3c4d5e6f' }) id!: string;
  @ApiProperty({ example: 'route-intake' }) name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The payload: ids and dates only (e.g. intakeId).' }) data!: Record<string, unknown>;
  @ApiProperty({ description: 'Attempts made (each failed, with backoff in between).' }) attemptsMade!: number;
  @ApiProperty({ description: 'The first line of the last error, at most 200 characters.' }) failedReason!: string;
  @ApiProperty({ type: String, nullable: true }) failedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class FailedJobsDto {
  @ApiProperty({ description: 'Failed jobs in the queue(s) asked for, also beyond the limit.' }) total!: number;
  @ApiProperty({ type: [FailedJobDto], description: 'The newest first.' }) jobs!: FailedJobDto[];
}

export class RetryFailedJobsDto {
  @IsIn(QUEUES) @ApiProperty({ enum: QUEUES })
  queue!: QueueName;

  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true })
  @ApiPropertyOptional({ type: [String], description: 'The jobs to retry; absent or empty: every failed job of the queue.' })
  jobIds?: string[];
}

export class RetryFailedJobsResultDto {
  @ApiProperty({ description: 'Jobs moved back to waiting, their attempts starting over (unknown or no longer failed ids are skipped).' })
  retried!: number;
}

/** Jobs that used up their attempts (BullMQ's failed set, kept for 14 days): what failed, and a way to run them again. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AdminGuard)
@Controller('api/v1/admin/jobs/failed')
export class FailedJobsController {
  private readonly logger = new Logger(FailedJobsController.name);

  constructor(
    private readonly failedJobs: FailedJobsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Jobs that failed after every attempt, newest first, per queue or all' })
  @ApiOkResponse({ type: FailedJobsDto })
  async list(@Query() query: FailedJobsQueryDto): Promise<FailedJobsDto> {
    const { total, jobs } = await this.failedJobs.list(query.queue, query.limit ?? 100);
    return { total, jobs: jobs.map((job) => ({ ...job, failedAt: job.failedAt?.toISOString() ?? null, createdAt: job.createdAt.toISOString() })) };
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run failed jobs of a queue again: some, or all (audited)' })
  @ApiOkResponse({ type: RetryFailedJobsResultDto })
  async retry(@CurrentActor() actor: Actor, @Body() body: RetryFailedJobsDto): Promise<RetryFailedJobsResultDto> {
    const jobIds = body.jobIds && body.jobIds.length > 0 ? body.jobIds : undefined;
    const retried = await this.failedJobs.retry(body.queue, jobIds);
    await this.audit.record({ actor, action: 'jobs.retried', details: { queue: body.queue, jobIds: jobIds ?? 'all', retried } });
    this.logger.log(`An admin sent ${retried} failed job(s) of queue ${body.queue} round again`);
    return { retried };
  }
}
