import { createHash } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, registerDecorator } from 'class-validator';
import type { Response } from 'express';
import { TEAMS, type Team } from '#libs/classification';
import {
  AssignmentService, CasesService, HandoffsService, WORKLIST_PAGE_DEFAULT, WORKLIST_PAGE_MAX, decodeWorklistCursor, encodeWorklistCursor, type WorklistPage,
} from '#libs/cases';
import { RegionsService } from '#libs/regions';
import { NATIONAL, type Actor, type WorklistKey } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { CaseSummaryDto, HandoffDto, toCaseSummaryDto, toHandoffDto } from '../cases/case.mapper.js';
import { RequestValidationError } from '../problem/problem.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

const CURSOR_MESSAGE = 'cursor must be the cursor a previous page of this list gave (its Link or X-Next-Cursor header), unchanged';

/** One check with one message, where IsInt, Min and Max would each name the field again for "ten". */
function IsPageLimit() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPageLimit',
      target: target.constructor,
      propertyName,
      options: { message: `limit must be a whole number from 1 to ${WORKLIST_PAGE_MAX}` },
      validator: { validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= WORKLIST_PAGE_MAX },
    });
}

/** A cursor this service handed out (see libs/cases/src/worklist-page.ts). */
function IsWorklistCursor() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isWorklistCursor',
      target: target.constructor,
      propertyName,
      options: { message: CURSOR_MESSAGE },
      validator: { validate: (value: unknown) => typeof value === 'string' && decodeWorklistCursor(value) !== null },
    });
}

export class WorklistPageQueryDto {
  @IsOptional() @Type(() => Number) @IsPageLimit()
  @ApiPropertyOptional({ type: 'integer', default: WORKLIST_PAGE_DEFAULT, minimum: 1, maximum: WORKLIST_PAGE_MAX, description: 'Cases per page.' })
  limit?: number;

  @IsOptional() @IsWorklistCursor()
  @ApiPropertyOptional({
    description: 'The page after the previous one: the cursor its Link (rel="next") or X-Next-Cursor header gave, unchanged. Absent: the first page.',
    example: 'WzEsMCwiMjAyNi0wMy0wMlQxMDowMDowMC4wMDAwMDBaIiwiMjAyNi0wMi0yN1QwOToxNDowMy4xMjM0NTZaIiwiMGI2ZjBjNWUtM2E5ZS00ZjUxLTlhNDMtMWYyYjNjNGQ1ZTZmIl0',
  })
  cursor?: string;
}

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

/** The headers of a worklist page: the next page (RFC 8288 Link and the bare cursor) and the total, when known. */
function pageHeaders(regionCode: string, team: string, limit: number, page: WorklistPage): Record<string, string> {
  const headers: Record<string, string> = {};
  if (page.next !== null) {
    const cursor = encodeWorklistCursor(page.next);
    headers.Link = `</api/v1/worklists/${encodeURIComponent(regionCode)}/${encodeURIComponent(team)}/cases?limit=${limit}&cursor=${cursor}>; rel="next"`;
    headers['X-Next-Cursor'] = cursor;
  }
  if (page.total !== null) headers['X-Total-Count'] = String(page.total);
  return headers;
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

  /**
   * A page of the open cases: the body stays the plain array it always was; where the next page starts and how many
   * there are travel in headers. The ETag covers those headers too: a first page that did not change while the
   * total did must not be answered 304.
   */
  @Get('cases')
  @ApiOperation({
    summary: 'The open cases of a worklist, urgent first, then the nearest deadline, a page at a time',
    description:
      'Keyset paging: ask the next page with the cursor the previous page gave (Link rel="next" or X-Next-Cursor). Cases claimed, closed or added ' +
      'between two pages neither repeat nor push others out of sight; a case whose deadline changed meanwhile may show up on a later page again. ' +
      'A cursor or limit that is not valid is a 422 naming the field.',
  })
  @ApiOkResponse({
    type: [CaseSummaryDto],
    headers: {
      Link: { description: 'RFC 8288: `<…/cases?limit=…&cursor=…>; rel="next"`, only when there is a next page.', schema: { type: 'string' } },
      'X-Next-Cursor': { description: 'The cursor of the next page (the same as in Link), only when there is one.', schema: { type: 'string' } },
      'X-Total-Count': {
        description: 'The open cases of the whole worklist, on the first page only (a request without cursor): counting reads the whole worklist.',
        schema: { type: 'integer', minimum: 0 },
      },
    },
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param('regionCode') regionCode: string,
    @Param('team') team: string,
    @Query() query: WorklistPageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseSummaryDto[]> {
    const worklist = this.worklist(regionCode, team);
    const limit = query.limit ?? WORKLIST_PAGE_DEFAULT;
    const after = query.cursor === undefined ? null : decodeWorklistCursor(query.cursor);
    if (query.cursor !== undefined && after === null) throw new RequestValidationError(422, [{ field: 'cursor', message: CURSOR_MESSAGE }]);
    const page = await this.cases.worklistPage(actor, worklist, { limit, after });
    const body = page.cases.map(toCaseSummaryDto);
    const headers = pageHeaders(regionCode, team, limit, page);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('ETag', `W/"${createHash('sha1').update(JSON.stringify([headers, body])).digest('base64url')}"`);
    return body;
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
