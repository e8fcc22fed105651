import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

/** Documents the 429 of a rate-limited operation: problem+json and how long to wait. */
export const ApiTooManyRequests = (description: string): MethodDecorator & ClassDecorator =>
  ApiTooManyRequestsResponse({
    type: ProblemDto,
    description: `${description} Try again after the Retry-After seconds.`,
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } },
  });
