import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCookieAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, getSchemaPath,
} from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { LEVELS, TEAMS, type Level, type Team } from '#libs/classification';
import { OUTCOME_REPORTS, OutcomeReportsService, reportCsv, tableCsv, type OutcomeReport, type OutcomeReportName } from '#libs/reports';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';
import { RequestValidationError } from '../problem/problem.js';
import { ReportQueryDto, filterOf } from './reports.controller.js';

export class OutcomeReportQueryDto extends ReportQueryDto {
  @IsOptional()
  @Matches(/^[A-Za-z]{1,40}$/, { message: 'table must be the id of one of the report\'s tables, like byLevel' })
  @ApiPropertyOptional({ example: 'byLevel', description: 'Only this table of the report (JSON and CSV); in CSV one column per figure.' })
  table?: string;
}

export class FigureDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The figure; null when suppressed (display "< 5" or "x") or when there is nothing to compute (display "–"). Shares are fractions (0.25), durations working days or working hours.' })
  value!: number | null;
  @ApiProperty({ example: '< 5', description: 'The figure as shown and exported: a count ("12"), a share ("25.0%"), working days ("1.5"), working hours ("16"); "< 5" for a figure suppressed to protect privacy (a count from 1 to 4, or derived from fewer than 5 cases), "x" for a count hidden so that a small one cannot be worked out from a total, "–" when there is nothing to compute.' })
  display!: string;
}

export class ReportColumnDto {
  @ApiProperty({ example: 'questions' }) key!: string;
  @ApiProperty({ enum: ['count', 'share', 'days', 'hours'] }) kind!: 'count' | 'share' | 'days' | 'hours';
}

export class ReportRowDto {
  @ApiProperty({ example: 'top/werkbedrijf', description: '"total", or the row\'s dimension values joined by "/".' })
  key!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { level: 'top', team: 'werkbedrijf' }, description: 'The dimension values of the row (empty for the total row).' })
  dims!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(FigureDto) }, description: 'One figure per column key.' })
  cells!: Record<string, FigureDto>;
}

export class ReportTableDto {
  @ApiProperty({ example: 'byLevel' }) id!: string;
  @ApiProperty({ type: [String], example: ['level'] }) dimensions!: string[];
  @ApiProperty({ type: [ReportColumnDto] }) columns!: ReportColumnDto[];
  @ApiProperty({ type: [ReportRowDto], description: 'One row per dimension value (or combination present), then the total row.' }) rows!: ReportRowDto[];
}

export class ReportScopeDto {
  @ApiProperty({ oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['all'] }] }) regionCodes!: string[] | 'all';
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
}

export class SuppressionDto {
  @ApiProperty({ example: 5 }) threshold!: number;
  @ApiProperty({ example: '< 5', description: 'A count from 1 to 4, or a figure derived from fewer than 5 cases.' }) marker!: string;
  @ApiProperty({ example: 'x', description: 'A count of 5 or more hidden so that a small count cannot be worked out from a total (and a share of it).' }) secondaryMarker!: string;
  @ApiProperty({ example: '–' }) notApplicable!: string;
}

export class NormDto {
  @ApiProperty({ enum: TEAMS }) team!: Team;
  @ApiProperty({ enum: LEVELS }) level!: Level;
  @ApiProperty() firstContactDays!: number;
  @ApiProperty() closeDays!: number;
}

export class OutcomeReportDto {
  @ApiProperty({ enum: OUTCOME_REPORTS }) report!: OutcomeReportName;
  @ApiProperty({ type: ReportScopeDto }) scope!: ReportScopeDto;
  @ApiProperty({ type: SuppressionDto }) suppression!: SuppressionDto;
  @ApiProperty({ type: [ReportTableDto] }) tables!: ReportTableDto[];
  @ApiPropertyOptional({ type: [NormDto], description: 'Timeliness of one region: its norms in working days per team and level.' }) norms?: NormDto[];
}

const CSV = 'text/csv';

/** JSON, or CSV when the client asks for text/csv first. */
function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) : 1 };
  });
  const weight = (matches: (type: string) => boolean) => Math.max(0, ...types.filter((t) => matches(t.type)).map((t) => t.q));
  const csv = weight((type) => type === CSV);
  return csv > 0 && csv >= weight((type) => type === 'application/json');
}

const ok = (summary: string) =>
  ApiOkResponse({
    description: `${summary} Suppressed figures read "< 5" in JSON (value null) and CSV alike.`,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OutcomeReportDto) } },
      [CSV]: { schema: { type: 'string', example: 'table,row,column,value\r\nbyLevel,top,closed,12\r\nbyLevel,middle,closed,< 5\r\n' } },
    },
  });

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@ApiExtraModels(OutcomeReportDto, FigureDto)
@Controller('api/v1/reports')
export class OutcomeReportsController {
  constructor(private readonly reports: OutcomeReportsService) {}

  /** Questions received: per role, level and route, with the shares sent to triage, urgent, with secondary routes and with referrals. */
  @ApiOperation({ summary: 'Questions received per role, level and route: to triage, urgent, secondary routes, referrals' })
  @Get('volume')
  @ok('Volume of questions received in the period.')
  volume(@CurrentActor() actor: Actor, @Query() query: OutcomeReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.answer('volume', actor, query, accept, response);
  }

  /** Cases that landed on their team in the period: time to first contact and to close, share within the norm, time waiting for the citizen. */
  @ApiOperation({ summary: 'Time to first contact and to close (median, 90th percentile, within the norm), time paused, per team, level and role' })
  @Get('timeliness')
  @ok('Timeliness of the cases that landed on their team in the period.')
  timeliness(@CurrentActor() actor: Actor, @Query() query: OutcomeReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.answer('timeliness', actor, query, accept, response);
  }

  /** Cases closed in the period: the distribution of results per level, team, level and team, and role. */
  @ApiOperation({ summary: 'Results of the cases closed in the period per level and team (placed in work, work to work, …)' })
  @Get('outcomes')
  @ok('Results of the cases closed in the period.')
  outcomes(@CurrentActor() actor: Actor, @Query() query: OutcomeReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.answer('outcomes', actor, query, accept, response);
  }

  /** Hand-offs requested in the period, per receiving and per sending team: count, acceptance rate, response time, returned. */
  @ApiOperation({ summary: 'Hand-offs per receiving team: count, acceptance rate, response time, returned' })
  @Get('handoffs')
  @ok('Hand-offs requested in the period, received by the region.')
  handoffs(@CurrentActor() actor: Actor, @Query() query: OutcomeReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.answer('handoffs', actor, query, accept, response);
  }

  /** Per week: questions, triage, urgent, results, first contact within the norm, with the national median of each share. */
  @ApiOperation({ summary: 'Weekly trends of a region compared with the national median (26 weeks unless from is given)' })
  @Get('trends')
  @ok('Weekly figures and the national median.')
  trends(@CurrentActor() actor: Actor, @Query() query: OutcomeReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.answer('trends', actor, query, accept, response);
  }

  private async answer(name: OutcomeReportName, actor: Actor, query: OutcomeReportQueryDto, accept: string | undefined, response: Response): Promise<OutcomeReportDto | string> {
    const report: OutcomeReport = await this.reports.report(name, actor, filterOf(query));
    if (query.table !== undefined) {
      const table = report.tables.find((t) => t.id === query.table);
      if (!table) {
        throw new RequestValidationError(422, [{ field: 'table', message: `table must be one of ${report.tables.map((t) => t.id).join(', ')}` }]);
      }
      report.tables = [table];
    }
    response.vary('Accept');
    if (!wantsCsv(accept)) return report;
    const region = report.scope.regionCodes === 'all' ? 'all' : report.scope.regionCodes.join('-');
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="werkloket-${name}${query.table ? `-${query.table}` : ''}-${region}.csv"`);
    return query.table !== undefined ? tableCsv(report.tables[0]) : reportCsv(report.tables);
  }
}
