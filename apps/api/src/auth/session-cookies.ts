import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

/**
 * The browser's staff session: the access token in an httpOnly, SameSite=Strict cookie the page's scripts cannot
 * read (Secure outside development), and a CSRF token in a readable cookie that the page echoes in a header on every
 * state-changing request (double submit). API clients keep using the Bearer token.
 */
export const SESSION_COOKIE = 'werkloket_session';
export const CSRF_COOKIE = 'werkloket_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function options(secure: boolean, maxAgeMs: number, httpOnly: boolean): CookieOptions {
  return { httpOnly, secure, sameSite: 'strict', path: '/', maxAge: maxAgeMs };
}

/** Sets both cookies; returns the CSRF token for the page. */
export function setSessionCookies(response: Response, accessToken: string, ttlSeconds: number, secure: boolean): string {
  const csrfToken = randomBytes(18).toString('base64url');
  response.cookie(SESSION_COOKIE, accessToken, options(secure, ttlSeconds * 1000, true));
  response.cookie(CSRF_COOKIE, csrfToken, options(secure, ttlSeconds * 1000, false));
  return csrfToken;
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: '/' });
  response.clearCookie(CSRF_COOKIE, { httpOnly: false, secure, sameSite: 'strict', path: '/' });
}

/** The session token of a cookie-authenticated request, or undefined. */
export function sessionTokenOf(request: Request): string | undefined {
  return cookieOf(request, SESSION_COOKIE);
}

function cookieOf(request: Request, name: string): string | undefined {
  const cookies = (request as { cookies?: Record<string, unknown> }).cookies;
  const value = cookies?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A state-changing request on a cookie session must echo the CSRF cookie in the header. */
export function csrfSatisfied(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const expected = cookieOf(request, CSRF_COOKIE);
  return expected !== undefined && request.headers[CSRF_HEADER] === expected;
}
