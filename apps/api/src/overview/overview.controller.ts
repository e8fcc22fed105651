import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { TEAMS, type Team } from '#libs/classification';
import { OverviewService } from '#libs/cases';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { CaseSummaryDto, HandoffDto, toCaseSummaryDto, toHandoffDto } from '../cases/case.mapper.js';
import { KnownRegionPipe } from '../known-region.pipe.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class TeamFiguresDto {
  @ApiProperty({ enum: TEAMS }) team!: Team;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'New, nobody assigned yet.' }) waitingForAssignment!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ description: 'Warned: a deadline is near.' }) dueSoon!: number;
  @ApiProperty() escalated!: number;
  @ApiProperty({ description: 'Hand-offs waiting for this team.' }) incomingHandoffs!: number;
}

export class CaseWorkerLoadDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() openCases!: number;
  @ApiProperty({ type: Number, nullable: true }) maxOpenCases!: number | null;
  @ApiProperty() available!: boolean;
  @ApiProperty({ enum: TEAMS, isArray: true, description: 'The teams of this overview the case worker works in.' }) teams!: Team[];
}

export class RegionOverviewDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: [TeamFiguresDto] }) teams!: TeamFiguresDto[];
  @ApiProperty({ type: [CaseSummaryDto] }) escalatedCases!: CaseSummaryDto[];
  @ApiProperty({ type: [HandoffDto] }) overdueHandoffs!: HandoffDto[];
  @ApiProperty({ type: [CaseWorkerLoadDto] }) caseWorkers!: CaseWorkerLoadDto[];
}

@ApiTags('coordinator')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/overview/:regionCode')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  /** A coordinator's region: per team open/waiting/overdue/escalated cases, escalations, overdue hand-offs, loads. */
  @ApiOperation({ summary: 'A region\'s overview per team: open, unassigned, due soon, overdue, escalated, hand-offs, load' })
  @Get()
  @ApiOkResponse({ type: RegionOverviewDto, description: 'Figures per team, escalated cases, overdue hand-offs and case worker loads.' })
  async get(@CurrentActor() actor: Actor, @Param('regionCode', KnownRegionPipe) regionCode: string): Promise<RegionOverviewDto> {
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
