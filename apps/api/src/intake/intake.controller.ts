import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IntakeService } from '#libs/intake';
import { TrackingService } from '#libs/tracking';
import { RequestValidationError } from '../problem/problem.js';
import { IntakeAcceptedDto, IntakeStatusDto, toAcceptedDto, toClassificationDto, toStatusDto, type ClassificationDto } from './intake.mapper.js';
import { SubmitIntakeDto, toSubmission } from './submit-intake.dto.js';

@ApiTags('intakes')
@Controller('api/v1/intakes')
export class IntakeController {
  constructor(
    private readonly intakes: IntakeService,
    private readonly tracking: TrackingService,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body: same answer, nothing new created.' })
  @ApiCreatedResponse({ type: IntakeAcceptedDto, description: 'Accepted; under 16 the answer is 200 with the referral inline and nothing stored.' })
  async submit(
    @Body() body: SubmitIntakeDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntakeAcceptedDto | { trackingCode: null; classification: ClassificationDto }> {
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw new RequestValidationError(422, [{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–200 characters' }]);
    }
    const outcome = await this.intakes.submit(toSubmission(body), idempotencyKey);
    if (outcome.kind === 'not_stored') {
      response.status(HttpStatus.OK);
      return { trackingCode: null, classification: toClassificationDto(outcome.classification) };
    }
    response.status(HttpStatus.CREATED);
    return toAcceptedDto(outcome.trackingCode);
  }

  @Get(':trackingCode')
  @ApiOkResponse({ type: IntakeStatusDto })
  async status(@Param('trackingCode') trackingCode: string): Promise<IntakeStatusDto> {
    return toStatusDto(await this.tracking.view(trackingCode));
  }
}
