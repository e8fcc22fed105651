import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CasesService, HandoffsService, TriageService } from '#libs/cases';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { RequestValidationError } from '../problem/problem.js';
import { ChangeStatusDto, FollowUpDto, NoteDto, TransferCaseDto } from './case-requests.dto.js';
import { CaseDetailDto, CaseNoteDto, CaseSummaryDto, HandoffDto, toCaseDetailDto, toCaseSummaryDto, toHandoffDto, toNoteDto } from './case.mapper.js';
import { HandClassificationDto, ReclassificationProposalDto } from './classification-requests.dto.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

/** A path id that is not a UUID names no case: 404 naming the field, like any unknown id. */
export const uuid = new ParseUUIDPipe({
  version: '4',
  exceptionFactory: () => new RequestValidationError(404, [{ field: 'id', message: 'id must be a UUID' }], 'Not found'),
});

@ApiTags('cases')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly handoffs: HandoffsService,
    private readonly triage: TriageService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Open a case: the question, classification, history, notes and contact when yours' })
  @ApiHeader({ name: 'x-purpose', required: false, description: 'Why the case is opened; written to the audit log.' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case with the intake. Every read is audited; contact details only for the team holding it.' })
  async get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Headers('x-purpose') purpose?: string): Promise<CaseDetailDto> {
    const detail = await this.cases.detail(actor, id, purpose?.slice(0, 500));
    return toCaseDetailDto(detail, detail.classification);
  }

  @Post(':id/status')
  @ApiOperation({ summary: 'Move a case through its lifecycle (a result when closing)' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto })
  async changeStatus(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ChangeStatusDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.cases.changeStatus(actor, id, body));
  }

  @Post(':id/transfer')
  @ApiOperation({ summary: 'Hand a case off to another team or region, with a reason' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: HandoffDto, description: 'A hand-off request: the receiving team accepts or returns it; until then the case stays here.' })
  async transfer(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TransferCaseDto): Promise<HandoffDto> {
    return toHandoffDto(await this.handoffs.request(actor, id, body));
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add a note to a case' })
  @ApiCreatedResponse({ type: CaseNoteDto })
  async addNote(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: NoteDto): Promise<CaseNoteDto> {
    return toNoteDto(await this.cases.addNote(actor, id, body.text));
  }

  @Post(':id/follow-ups')
  @ApiOperation({ summary: 'Open a linked follow-up case on a secondary route' })
  @ApiCreatedResponse({ type: CaseSummaryDto, description: 'Confirms a secondary route: a linked case for that team.' })
  async followUp(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: FollowUpDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.cases.createFollowUp(actor, id, body));
  }

  @Post(':id/classification')
  @ApiOperation({ summary: 'Classify a triage case by hand (the triage desk)' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto, description: 'Triage classifies a triage case by hand; it moves to that team (route "none" closes it as referred).' })
  async classify(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: HandClassificationDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.triage.classifyByHand(actor, id, body));
  }

  @Post(':id/reclassification')
  @ApiOperation({ summary: 'Propose another classification; the case goes to triage' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto, description: 'A case worker proposes another level/route; the case goes to triage with the proposal.' })
  async proposeReclassification(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReclassificationProposalDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.triage.proposeReclassification(actor, id, body));
  }
}
