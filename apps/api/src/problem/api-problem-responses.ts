import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

/** The problem+json answers every authenticated endpoint can give, documented once. */
export function ApiProblemResponses(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'No, an invalid or an expired token; or the account is no longer active.' }),
    ApiForbiddenResponse({ type: ProblemDto, description: 'Outside your role, region or team.' }),
    ApiNotFoundResponse({ type: ProblemDto, description: 'Unknown, or outside your worklists (existence is not revealed).' }),
    ApiConflictResponse({ type: ProblemDto, description: 'Not possible in the current state (e.g. an invalid status transition).' }),
    ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'A field breaks the rules; `errors` names each one.' }),
    ApiServiceUnavailableResponse({ type: ProblemDto, description: 'PostgreSQL cannot be reached; retry after the Retry-After seconds.' }),
  );
}
