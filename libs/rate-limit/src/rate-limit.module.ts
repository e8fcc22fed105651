import { Module } from '@nestjs/common';
import { LoginBrake } from './login-brake.js';
import { RateLimitStore } from './rate-limit-store.js';
import { RequestLimits } from './request-limits.js';

/**
 * Rate limits of the anonymous endpoints and the login brake, on one shared Redis connection. A module that uses
 * `@RateLimit(...)` on a controller imports this one (its guard needs RequestLimits).
 */
@Module({
  providers: [RateLimitStore, RequestLimits, LoginBrake],
  exports: [RequestLimits, LoginBrake],
})
export class RateLimitModule {}
