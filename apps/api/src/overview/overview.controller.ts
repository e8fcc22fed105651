import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { OverviewService } from '#libs/cases';
import type { Actor } from '#libs/staff';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { toCaseSummaryDto, toHandoffDto, type CaseSummaryDto, type HandoffDto } from '../cases/case.mapper.js';
import { KnownRegionPipe } from '../known-region.pipe.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

@ApiTags('coordinator')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AuthGuard)
@Controller('api/v1/overview/:regionCode')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  /** A coordinator's region: per team open/waiting/overdue/escalated cases, escalations, overdue hand-offs, loads. */
  @ApiOperation({ summary: 'A region\'s overview per team: open, unassigned, due soon, overdue, escalated, hand-offs, load' })
  @Get()
  @ApiOkResponse({ description: 'Figures per team, escalated cases, overdue hand-offs and case worker loads.' })
  async get(@CurrentActor() actor: Actor, @Param('regionCode', KnownRegionPipe) regionCode: string) {
    const overview = await this.overview.region(actor, regionCode);
    return {
      regionCode: overview.regionCode,
      teams: overview.teams,
      escalatedCases: overview.escalatedCases.map((c): CaseSummaryDto => toCaseSummaryDto(c)),
      overdueHandoffs: overview.overdueHandoffs.map((h): HandoffDto => toHandoffDto(h)),
      caseWorkers: overview.caseWorkers,
    };
  }
}
