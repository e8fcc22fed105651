import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import type { Response } from 'express';
import { TEAMS, type Team } from '#libs/classification';
import { AssignmentService, CasesService, HandoffsService } from '#libs/cases';
import { RegionsService } from '#libs/regions';
import { NATIONAL, type Actor, type WorklistKey } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { CaseSummaryDto, HandoffDto, toCaseSummaryDto, toHandoffDto } from '../cases/case.mapper.js';
import { RequestValidationError } from '../problem/problem.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class AssignmentDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('4', { each: true, message: 'caseIds must be case ids' })
  @ApiProperty({ type: [String] })
  caseIds!: string[];

  @ValidateIf((dto: AssignmentDto) => dto.assigneeId !== null)
  @IsDefined({ message: 'assigneeId is required: a case worker id, or null to release the cases' })
  @IsUUID('4', { message: 'assigneeId must be a case worker id or null' })
  @ApiPropertyOptional({ nullable: true, description: 'null releases the cases back to the worklist' })
  assigneeId!: string | null;

  @IsDefined() @IsString() @MinLength(3) @MaxLength(2000) @ApiProperty()
  reason!: string;
}

export class WorklistHandoffsDto {
  @ApiProperty({ type: [HandoffDto], description: 'Requests this worklist has to accept or return.' }) incoming!: HandoffDto[];
  @ApiProperty({ type: [HandoffDto], description: 'Requests this worklist is waiting for.' }) outgoing!: HandoffDto[];
}

@ApiTags('worklists')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/worklists/:regionCode/:team')
@ApiParam({ name: 'regionCode', example: 'AM26', description: `CBS region code, or "${NATIONAL}"` })
@ApiParam({ name: 'team', enum: TEAMS })
export class WorklistsController {
  constructor(
    private readonly cases: CasesService,
    private readonly handoffs: HandoffsService,
    private readonly assignment: AssignmentService,
    private readonly regions: RegionsService,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: 'The open cases of a worklist, urgent first, then the nearest deadline' })
  @ApiOkResponse({ type: [CaseSummaryDto] })
  async list(@CurrentActor() actor: Actor, @Param('regionCode') regionCode: string, @Param('team') team: string): Promise<CaseSummaryDto[]> {
    const cases = await this.cases.worklist(actor, this.worklist(regionCode, team));
    return cases.map(toCaseSummaryDto);
  }

  @Post('claim')
  @ApiOperation({ summary: 'Claim the next unassigned case of a worklist (204 when none is left)' })
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

  @Get('handoffs')
  @ApiOperation({ summary: 'Hand-off requests addressed to a worklist' })
  @ApiOkResponse({ type: WorklistHandoffsDto })
  async handoffList(@CurrentActor() actor: Actor, @Param('regionCode') regionCode: string, @Param('team') team: string): Promise<WorklistHandoffsDto> {
    const { incoming, outgoing } = await this.handoffs.forWorklist(actor, this.worklist(regionCode, team));
    return { incoming: incoming.map(toHandoffDto), outgoing: outgoing.map(toHandoffDto) };
  }

  /** Coordinators assign, reassign (assigneeId) or release (null) cases of this worklist, in bulk, with a reason. */
  @ApiOperation({ summary: 'Assign, reassign or release cases of a worklist in bulk (coordinators)' })
  @Post('assignments')
  @HttpCode(200)
  @ApiOkResponse({ type: [CaseSummaryDto] })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('regionCode') regionCode: string,
    @Param('team') team: string,
    @Body() body: AssignmentDto,
  ): Promise<CaseSummaryDto[]> {
    const cases = await this.assignment.assign(actor, this.worklist(regionCode, team), body);
    return cases.map(toCaseSummaryDto);
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
