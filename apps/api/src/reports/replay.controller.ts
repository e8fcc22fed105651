import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RULESETS } from '#libs/classification';
import { ReplayService, type ReplayReport } from '#libs/reports';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';
import { ReportQueryDto, filterOf } from './reports.controller.js';

const VERSIONS = [...RULESETS.keys()];

export class ReplayRequestDto extends ReportQueryDto {
  @IsIn(VERSIONS, { message: `rulesetVersion must be one of the shipped rulesets: ${VERSIONS.join(', ')}` })
  @ApiProperty({ enum: VERSIONS, description: 'The candidate ruleset to replay (a shipped version, active or not).' })
  rulesetVersion!: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/analysis')
export class ReplayController {
  constructor(private readonly replays: ReplayService) {}

  /**
   * Replays a candidate ruleset over the stored intakes of a period (coordinators and analysts for their regions,
   * admins for all): counts per from→to route and level with example intake ids, before anyone activates it.
   * Stores and routes nothing.
   */
  @ApiOperation({ summary: 'Replay a candidate ruleset over stored intakes: what would change' })
  @Post('replay')
  @HttpCode(200)
  @ApiOkResponse({ description: 'What would change under the candidate ruleset.' })
  replay(@CurrentActor() actor: Actor, @Body() body: ReplayRequestDto): Promise<ReplayReport> {
    return this.replays.replay(actor, filterOf(body), RULESETS.get(body.rulesetVersion)!);
  }
}
