import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { HandoffsService } from '#libs/cases';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { HandoffAnswerDto } from './case-requests.dto.js';
import { CaseSummaryDto, HandoffDto, toCaseSummaryDto, toHandoffDto } from './case.mapper.js';
import { uuid } from './cases.controller.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

@ApiTags('hand-offs')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/handoffs/:id')
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @Post('accept')
  @ApiOperation({ summary: 'Accept a hand-off: the case moves to your worklist' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto, description: 'The receiving team takes the case: it moves to their worklist.' })
  async accept(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: HandoffAnswerDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.handoffs.accept(actor, id, body.reason));
  }

  @Post('return')
  @ApiOperation({ summary: 'Return a hand-off with a reason' })
  @HttpCode(200)
  @ApiOkResponse({ type: HandoffDto, description: 'The receiving team returns the request with a reason; the case stays where it was.' })
  async return(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: HandoffAnswerDto): Promise<HandoffDto> {
    return toHandoffDto(await this.handoffs.returnToSender(actor, id, body.reason));
  }
}
