/**
 * The typed API client (openapi-fetch over the generated schema). Every request goes with
 * credentials 'same-origin': the staff session is an httpOnly cookie the page cannot read. State-changing
 * requests carry the session's CSRF token in the X-CSRF-Token header.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_COOKIE = 'werkloket_csrf';

/** The CSRF token of the current staff session, kept in memory only (never in localStorage). */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function currentCsrfToken(): string | null {
  if (csrfToken !== null) return csrfToken;
  // After a page reload the token in memory is gone. The session's CSRF cookie is readable on purpose
  // (double submit), so read it back from there instead of storing the token anywhere.
  const match = new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]*)`).exec(document.cookie);
  if (!match?.[1]) return null;
  csrfToken = decodeURIComponent(match[1]);
  return csrfToken;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever a staff request answers 401 (session ended or expired). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method)) {
      const token = currentCsrfToken();
      if (token !== null) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  onResponse({ response, schemaPath }) {
    // GET /me answers 401 when nobody is logged in yet: the staff layout handles that itself.
    const isPublic =
      schemaPath.startsWith('/api/v1/auth/') || schemaPath.startsWith('/api/v1/intakes') || schemaPath === '/api/v1/regions' || schemaPath === '/api/v1/me';
    if (response.status === 401 && !isPublic) {
      for (const listener of unauthorizedListeners) listener();
    }
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);
