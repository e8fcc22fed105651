import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { AuditService } from '#libs/audit';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { AdminGuard } from './admin.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class AuditQueryDto {
  @IsOptional() @IsUUID('4') @ApiPropertyOptional() caseId?: string;
  @IsOptional() @IsUUID('4') @ApiPropertyOptional() actorId?: string;
  @IsOptional() @IsString() @ApiPropertyOptional({ example: 'case.read' }) action?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) @ApiPropertyOptional({ default: 100 }) limit?: number;
}

export class BrokenLinkDto {
  @ApiProperty() seq!: string;
  @ApiProperty() entryId!: string;
  @ApiProperty() reason!: string;
}

export class ChainReportDto {
  @ApiProperty({ description: 'Every seal holds and every entry older than ten minutes is sealed.' }) ok!: boolean;
  @ApiProperty({ description: 'Seals checked, from the first.' }) checked!: number;
  @ApiProperty({ description: 'Entries older than ten minutes without a seal.' }) unsealed!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto, nullable: true }) firstBroken!: BrokenLinkDto | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AdminGuard)
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The append-only audit log, newest first: every read of a case's personal data and every change. */
  @ApiOperation({ summary: 'Query the append-only audit log' })
  @Get()
  @ApiOkResponse({ description: 'Audit entries (who, what, when, why).' })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto) {
    const entries = await this.audit.query(actor, query);
    return entries.map((e) => ({ id: e.id, at: e.at.toISOString(), actorId: e.actorId, actorUsername: e.actorUsername, action: e.action, caseId: e.caseId, reason: e.reason, details: e.details }));
  }

  /** Walks the hash chain from the first seal: whether any sealed entry was changed, removed or reordered. */
  @ApiOperation({ summary: 'Verify the audit log hash chain: the first broken link, if any' })
  @Get('verify')
  @ApiOkResponse({ type: ChainReportDto })
  async verify(@CurrentActor() actor: Actor): Promise<ChainReportDto> {
    const report = await this.audit.verify();
    await this.audit.record({ actor, action: 'audit.verified', details: { ok: report.ok, checked: report.checked } });
    return report;
  }
}
