import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { RequestValidationError } from '../problem/problem.js';
import { ReportsService, type ClassificationReport, type ReportFilter, type SuggestionReport } from '#libs/reports';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class ReportQueryDto {
  @IsOptional() @Matches(/^AM\d{2}$/, { message: 'regionCode must be a CBS region code like AM26' }) @ApiPropertyOptional({ example: 'AM26' })
  regionCode?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date like 2026-01-01' }) @ApiPropertyOptional({ example: '2026-01-01' })
  from?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date like 2027-01-01' }) @ApiPropertyOptional({ example: '2027-01-01' })
  to?: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Per rule: how often it fired and how often people overruled it (coordinators, analysts, admins). */
  @ApiOperation({ summary: 'Per rule: how often it fired and was overruled, totals per level and route' })
  @Get('classification')
  @ApiOkResponse({ description: 'Rule figures for the caller’s regions.' })
  classification(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ClassificationReport> {
    return this.reports.classification(actor, filterOf(query));
  }

  /**
   * What to add to the ruleset next: per route chosen by hand, the words and phrases of those questions that no
   * rule reads, with counts (each term from at least 3 questions).
   */
  @ApiOperation({ summary: 'Words the triage desk decides on that no rule reads, per manual route' })
  @Get('classification/suggestions')
  @ApiOkResponse({ description: 'Per manual route: unmatched words and phrases, most telling first.' })
  suggestions(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<SuggestionReport> {
    return this.reports.suggestions(actor, filterOf(query));
  }
}

/** The report filter of a validated query (region, period). */
export function filterOf(query: ReportQueryDto): ReportFilter {
  return {
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
    ...(query.from ? { from: dateOf('from', query.from) } : {}),
    ...(query.to ? { to: dateOf('to', query.to) } : {}),
  };
}

/** ISO 8601 allows forms (week dates, basic format) that Date cannot read: those are refused, not guessed. */
function dateOf(field: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RequestValidationError(422, [{ field, message: `${field} must be a date like 2026-01-01` }]);
  return date;
}
