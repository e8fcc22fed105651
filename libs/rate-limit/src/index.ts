export { clientKey, UNKNOWN_CLIENT } from './client-key.js';
export { LoginBrake, LOGIN_FAILURES_BEFORE_SLOWDOWN, LOGIN_FAILURES_PER_ADDRESS_AND_USERNAME } from './login-brake.js';
export type { AdmittedLogin } from './login-brake.js';
export { RateLimitError } from './rate-limit.error.js';
export { RateLimit, RateLimitGuard } from './rate-limit.guard.js';
export { RateLimitModule } from './rate-limit.module.js';
export { PREVIEWS_PER_MINUTE, RequestLimits } from './request-limits.js';
export type { RequestLimit } from './request-limits.js';
