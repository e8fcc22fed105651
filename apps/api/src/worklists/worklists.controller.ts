import { Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TEAMS, type Team } from '#libs/classification';
import { CasesService } from '#libs/cases';
import { RegionsService } from '#libs/regions';
import { NATIONAL, type Actor, type WorklistKey } from '#libs/staff';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { CaseSummaryDto, toCaseSummaryDto } from '../cases/case.mapper.js';
import { RequestValidationError } from '../problem/problem.js';

@ApiTags('worklists')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/worklists/:regionCode/:team')
@ApiParam({ name: 'regionCode', example: 'AM26', description: `CBS region code, or "${NATIONAL}"` })
@ApiParam({ name: 'team', enum: TEAMS })
export class WorklistsController {
  constructor(
    private readonly cases: CasesService,
    private readonly regions: RegionsService,
  ) {}

  @Get('cases')
  @ApiOkResponse({ type: [CaseSummaryDto] })
  async list(@CurrentActor() actor: Actor, @Param('regionCode') regionCode: string, @Param('team') team: string): Promise<CaseSummaryDto[]> {
    const cases = await this.cases.worklist(actor, this.worklist(regionCode, team));
    return cases.map(toCaseSummaryDto);
  }

  @Post('claim')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto })
  @ApiNoContentResponse({ description: 'Nothing left to claim.' })
  async claim(
    @CurrentActor() actor: Actor,
    @Param('regionCode') regionCode: string,
    @Param('team') team: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseSummaryDto | undefined> {
    const claimed = await this.cases.claimNext(actor, this.worklist(regionCode, team));
    if (!claimed) {
      response.status(204);
      return undefined;
    }
    return toCaseSummaryDto(claimed);
  }

  private worklist(regionCode: string, team: string): WorklistKey {
    const problems = [];
    if (regionCode !== NATIONAL && this.regions.region(regionCode) === null) {
      problems.push({ field: 'regionCode', message: `regionCode must be a CBS region code (AM01…AM38) or ${NATIONAL}` });
    }
    if (!(TEAMS as readonly string[]).includes(team)) problems.push({ field: 'team', message: `team must be one of: ${TEAMS.join(', ')}` });
    if (problems.length > 0) throw new RequestValidationError(404, problems, 'No such worklist');
    return { regionCode: regionCode === NATIONAL ? null : regionCode, team: team as Team };
  }
}
