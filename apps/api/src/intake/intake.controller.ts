import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IntakeService } from '#libs/intake';
import { PREVIEWS_PER_MINUTE, RateLimit } from '#libs/rate-limit';
import { TrackingService } from '#libs/tracking';
import { ApiTooManyRequests } from '../problem/api-too-many-requests.js';
import { ProblemDto } from '../problem/problem.dto.js';
import { RequestValidationError } from '../problem/problem.js';
import {
  IntakeAcceptedDto, IntakePreviewDto, IntakeStatusDto, toAcceptedDto, toClassificationDto, toPreviewDto, toStatusDto, UnstoredIntakeDto,
} from './intake.mapper.js';
import { SubmitIntakeDto, toSubmission } from './submit-intake.dto.js';
import { Public } from '../auth/auth.guard.js';

@ApiTags('intakes')
@Public()
@Controller('api/v1/intakes')
export class IntakeController {
  constructor(
    private readonly intakes: IntakeService,
    private readonly tracking: TrackingService,
  ) {}

  @Post()
  @RateLimit('intakes')
  @ApiOperation({ summary: 'Ask a question: the intake is stored and routed; 201 with a tracking code', security: [] })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body: same answer, nothing new created.' })
  @ApiCreatedResponse({ type: IntakeAcceptedDto, description: 'Accepted: follow it with the tracking code.' })
  @ApiOkResponse({ type: UnstoredIntakeDto, description: 'Under 16: nothing is stored; the referral is answered at once.' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'A field breaks the contract (problem+json naming each field), or the Idempotency-Key was used with another body.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'The body is not valid JSON.' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The body is larger than 32 KiB.' })
  @ApiTooManyRequests('Too many questions from this address (a limit per minute; IPv6 counted per /64).')
  async submit(
    @Body() body: SubmitIntakeDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntakeAcceptedDto | UnstoredIntakeDto> {
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

  @Post('preview')
  @RateLimit('previews')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Where a question would go and why, before sending it',
    description: `The same body as POST /api/v1/intakes. Classifies it with the region's ruleset and settings and stores and logs nothing. At most ${PREVIEWS_PER_MINUTE} previews a minute per address (429 beyond).`,
    security: [],
  })
  @ApiOkResponse({ type: IntakePreviewDto })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'A field breaks the contract (problem+json naming each field).' })
  @ApiTooManyRequests('Too many previews from this address.')
  async preview(@Body() body: SubmitIntakeDto): Promise<IntakePreviewDto> {
    return toPreviewDto(await this.intakes.preview(toSubmission(body)));
  }

  @Get(':trackingCode')
  @RateLimit('status')
  @ApiOperation({ summary: 'Follow a question with its tracking code (no login, no personal data)', security: [] })
  @ApiOkResponse({ type: IntakeStatusDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiTooManyRequests('Too many status look-ups from this address (a limit per minute; IPv6 counted per /64).')
  async status(@Param('trackingCode') trackingCode: string): Promise<IntakeStatusDto> {
    return toStatusDto(await this.tracking.view(trackingCode));
  }
}
