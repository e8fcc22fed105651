// What the floor's two processes (floor.ts: HTTP + outbox relay; floor-router.ts: routing) and the benchmark share:
// the schema, the stream's names, the trivial "classification" and HS256 tokens on node:crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The floor's tables, in a database of its own: the intake, its outbox row (written in the same transaction), and
 * the case on a worklist with the index the claim query walks.
 */
export const FLOOR_SCHEMA = `
  CREATE TABLE floor_intake (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tracking_code text NOT NULL UNIQUE,
    body jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    routed_at timestamptz
  );
  -- What is still to be routed (the service keeps the same partial index for its safety-net sweep).
  CREATE INDEX floor_intake_unrouted ON floor_intake (received_at) WHERE routed_at IS NULL;
  CREATE TABLE floor_outbox (
    id bigserial PRIMARY KEY,
    intake_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    dispatched_at timestamptz
  );
  CREATE INDEX floor_outbox_pending ON floor_outbox (id) WHERE dispatched_at IS NULL;
  CREATE TABLE floor_case (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    intake_id uuid NOT NULL UNIQUE REFERENCES floor_intake (id),
    region_code text,
    team text NOT NULL,
    status text NOT NULL DEFAULT 'new',
    assigned_to uuid,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX floor_case_worklist ON floor_case (region_code, team, status, created_at);
`;

/** The Redis stream and consumer group of one run (keys under the run's own prefix). */
export const streamKey = (prefix: string): string => `${prefix}:routing`;
export const ROUTER_GROUP = 'router';

const TEAMS = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage'] as const;

/** The floor's whole "classification": a hash of the postcode picks the team, its digits the region. */
export function floorWorklist(postcode: unknown): { regionCode: string | null; team: string } {
  const text = typeof postcode === 'string' ? postcode.replace(/\s/g, '').toUpperCase() : '';
  const pc4 = /^\d{4}/.test(text) ? Number(text.slice(0, 4)) : null;
  if (pc4 === null) return { regionCode: null, team: 'triage' };
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return { regionCode: `AM${String(1 + (pc4 % 38)).padStart(2, '0')}`, team: TEAMS[hash % TEAMS.length] };
}

export interface FloorClaims {
  sub: string;
  regionCodes: string[];
  teams: string[];
  iat: number;
  exp: number;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(claims: FloorClaims, secret: string): string {
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a valid, unexpired HS256 token, or null. */
export function verifyToken(token: string, secret: string): FloorClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<FloorClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return null;
    if (!Array.isArray(claims.regionCodes) || !Array.isArray(claims.teams)) return null;
    return claims as FloorClaims;
  } catch {
    return null;
  }
}
