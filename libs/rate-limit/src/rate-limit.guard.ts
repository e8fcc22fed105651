import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RequestLimits, type RequestLimit } from './request-limits.js';

const RATE_LIMIT = 'werkloket:rate-limit';

/** Counts each request to the handler against its limit before anything else runs (even a request that fails validation counts). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RequestLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.reflector.get<RequestLimit | undefined>(RATE_LIMIT, context.getHandler());
    if (limit !== undefined) await this.limits.consume(limit, context.switchToHttp().getRequest<Request>().ip);
    return true;
  }
}

/** Limits the handler per client address (`req.ip`, so TRUST_PROXY decides whose X-Forwarded-For counts). */
export const RateLimit = (limit: RequestLimit): MethodDecorator => applyDecorators(SetMetadata(RATE_LIMIT, limit), UseGuards(RateLimitGuard));
