import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CasesService } from '#libs/cases';
import type { Actor } from '#libs/staff';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { ChangeStatusDto, TransferCaseDto } from './case-requests.dto.js';
import { CaseDetailDto, CaseSummaryDto, toCaseDetailDto, toCaseSummaryDto } from './case.mapper.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':id')
  @ApiOkResponse({ type: CaseDetailDto })
  async get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<CaseDetailDto> {
    return toCaseDetailDto(await this.cases.detail(actor, id));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto })
  async changeStatus(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ChangeStatusDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.cases.changeStatus(actor, id, body));
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryDto })
  async transfer(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TransferCaseDto): Promise<CaseSummaryDto> {
    return toCaseSummaryDto(await this.cases.transfer(actor, id, body));
  }
}
