// The two systems under test, seen from the benchmark: the service (built api + worker processes) and the floor
// (floor.ts + floor-router.ts). Each has a database of its own that the benchmark reads over one connection of its
// own (so its backend can be left out of the CPU count), and the same questions: which accepted intakes are stored
// and routed, which have reached their worklist, how many cases a worklist has left.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Child } from '../faults/processes.js';

export interface Verification {
  /** Accepted intakes found in the database. */
  stored: number;
  /** …of which not routed (no classification / no routed_at). */
  unrouted: number;
  /** …routed to a worklist, yet without a case. */
  caseless: number;
  /** Routed to no worklist (a referral only: the service's route "none"). */
  referralOnly: number;
  /** Wall-clock ms of the last routing among them (NaN when none). */
  lastRoutedWallMs: number;
}

export interface Worklist {
  regionCode: string;
  team: string;
}

/** Everything that lost counts: a 201 without a stored intake, a stored one never routed, a routed one without its case. */
export const lostOf = (accepted: number, v: Verification): number => accepted - v.stored + v.unrouted + v.caseless;

export abstract class System {
  /** The bench's own connection to the system's database. */
  readonly db: pg.Client;
  private dbPid = 0;
  httpProcess: Child | null = null;
  routingProcesses: Child[] = [];
  tokens: string[] = [];

  constructor(
    readonly name: 'service' | 'floor',
    readonly port: number,
    readonly databaseUrl: string,
    readonly claimWorklist: Worklist,
  ) {
    this.db = new pg.Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<void> {
    await this.db.connect();
    this.dbPid = (await this.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  }

  get claimPath(): string {
    return `/api/v1/worklists/${this.claimWorklist.regionCode}/${this.claimWorklist.team}/claim`;
  }

  abstract verify(trackingCodes: readonly string[]): Promise<Verification>;
  /** Of these tracking codes, those whose intake is routed: [code, has a case on a worklist]. */
  abstract routed(trackingCodes: readonly string[]): Promise<[string, boolean][]>;
  /** Cases waiting on the claim worklist. */
  abstract openOnClaimWorklist(): Promise<number>;
  /** Cases of the claim worklist assigned to one of these people (by the id in their token). */
  abstract assignedTo(ids: readonly string[]): Promise<number>;

  /** Intakes in the database still waiting to be routed (a cheap count on a partial index, polled while waiting). */
  abstract unrouted(): Promise<number>;

  /**
   * Waits until no intake waits to be routed any more, or the count has not moved for `stallMs`; then verifies the
   * accepted ones. The rates come from the database's own timestamps, so the polling interval does not matter.
   */
  async waitRouted(trackingCodes: readonly string[], stallMs = 30_000): Promise<Verification> {
    let last = -1;
    let movedAt = performance.now();
    for (;;) {
      const waiting = await this.unrouted();
      if (waiting === 0 || performance.now() - movedAt > stallMs) return this.verify(trackingCodes);
      if (waiting !== last) {
        last = waiting;
        movedAt = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** PostgreSQL backends serving this system's database, without the bench's own. */
  async backendPids(admin: pg.Client): Promise<number[]> {
    const name = decodeURIComponent(new URL(this.databaseUrl).pathname.slice(1));
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [name, this.dbPid]);
    return rows.map((row) => row.pid);
  }
}

export class ServiceSystem extends System {
  async unrouted(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake WHERE classification IS NULL AND routing_failed_at IS NULL');
    return rows[0].n;
  }

  async verify(trackingCodes: readonly string[]): Promise<Verification> {
    const { rows } = await this.db.query<{ stored: number; unrouted: number; caseless: number; referral_only: number; last_ms: number | null }>(
      `SELECT count(*)::int AS stored,
              count(*) FILTER (WHERE i.classification IS NULL)::int AS unrouted,
              count(*) FILTER (WHERE i.classification IS NOT NULL AND i.classification->>'route' <> 'none'
                                 AND NOT EXISTS (SELECT 1 FROM "case" c WHERE c.intake_id = i.id AND c.origin = 'routing'))::int AS caseless,
              count(*) FILTER (WHERE i.classification->>'route' = 'none')::int AS referral_only,
              (extract(epoch FROM max(i.classified_at)) * 1000)::float8 AS last_ms
       FROM intake i WHERE i.tracking_code = ANY($1::text[])`,
      [trackingCodes],
    );
    const [r] = rows;
    return { stored: r.stored, unrouted: r.unrouted, caseless: r.caseless, referralOnly: r.referral_only, lastRoutedWallMs: r.last_ms ?? Number.NaN };
  }

  async routed(trackingCodes: readonly string[]): Promise<[string, boolean][]> {
    const { rows } = await this.db.query<{ tracking_code: string; has_case: boolean }>(
      `SELECT i.tracking_code, c.id IS NOT NULL AS has_case
       FROM intake i LEFT JOIN "case" c ON c.intake_id = i.id AND c.origin = 'routing'
       WHERE i.tracking_code = ANY($1::text[]) AND i.classification IS NOT NULL`,
      [trackingCodes],
    );
    return rows.map((row) => [row.tracking_code, row.has_case]);
  }

  async openOnClaimWorklist(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "case" WHERE region_code = $1 AND team = $2 AND status = 'new'`, [
      this.claimWorklist.regionCode,
      this.claimWorklist.team,
    ]);
    return rows[0].n;
  }

  async assignedTo(ids: readonly string[]): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "case" WHERE region_code = $1 AND team = $2 AND status = 'assigned' AND assigned_to = ANY($3::uuid[])`,
      [this.claimWorklist.regionCode, this.claimWorklist.team, ids],
    );
    return rows[0].n;
  }
}

export class FloorSystem extends System {
  async unrouted(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM floor_intake WHERE routed_at IS NULL');
    return rows[0].n;
  }

  async verify(trackingCodes: readonly string[]): Promise<Verification> {
    const { rows } = await this.db.query<{ stored: number; unrouted: number; caseless: number; last_ms: number | null }>(
      `SELECT count(*)::int AS stored,
              count(*) FILTER (WHERE i.routed_at IS NULL)::int AS unrouted,
              count(*) FILTER (WHERE i.routed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM floor_case c WHERE c.intake_id = i.id))::int AS caseless,
              (extract(epoch FROM max(i.routed_at)) * 1000)::float8 AS last_ms
       FROM floor_intake i WHERE i.tracking_code = ANY($1::text[])`,
      [trackingCodes],
    );
    const [r] = rows;
    return { stored: r.stored, unrouted: r.unrouted, caseless: r.caseless, referralOnly: 0, lastRoutedWallMs: r.last_ms ?? Number.NaN };
  }

  async routed(trackingCodes: readonly string[]): Promise<[string, boolean][]> {
    const { rows } = await this.db.query<{ tracking_code: string }>(
      `SELECT i.tracking_code FROM floor_intake i JOIN floor_case c ON c.intake_id = i.id WHERE i.tracking_code = ANY($1::text[])`,
      [trackingCodes],
    );
    return rows.map((row) => [row.tracking_code, true]);
  }

  async openOnClaimWorklist(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM floor_case WHERE region_code = $1 AND team = $2 AND status = 'new'`, [
      this.claimWorklist.regionCode,
      this.claimWorklist.team,
    ]);
    return rows[0].n;
  }

  async assignedTo(ids: readonly string[]): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM floor_case WHERE region_code = $1 AND team = $2 AND status = 'assigned' AND assigned_to = ANY($3::uuid[])`,
      [this.claimWorklist.regionCode, this.claimWorklist.team, ids],
    );
    return rows[0].n;
  }
}

// ── CPU and memory of processes, from /proc ─────────────────────────────────────────────────────────────────────
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) of a process so far, in ms; 0 when it is gone. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Peak resident set size (VmHWM) of a process, in MiB; NaN when it is gone. */
export function peakRssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export interface CpuSample {
  http: number;
  routing: number;
  postgres: Map<number, number>;
}

export async function sampleCpu(system: System, admin: pg.Client): Promise<CpuSample> {
  const postgres = new Map<number, number>();
  for (const pid of await system.backendPids(admin)) postgres.set(pid, cpuMs(pid));
  return {
    http: cpuMs(system.httpProcess?.pid),
    routing: system.routingProcesses.reduce((sum, child) => sum + cpuMs(child.pid), 0),
    postgres,
  };
}

/** CPU ms spent between two samples: the HTTP process, the routing process(es), the database's backends. */
export function cpuBetween(before: CpuSample, after: CpuSample): { http: number; routing: number; postgres: number } {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return { http: after.http - before.http, routing: after.routing - before.routing, postgres };
}
