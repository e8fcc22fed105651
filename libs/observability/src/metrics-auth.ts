import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the Authorization header carries the metrics token. Without a configured token everything passes (the
 * configuration allows that only outside production, or on a port of its own). Compared in constant time.
 */
export function metricsAuthorized(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  if (!match) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
