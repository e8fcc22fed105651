// The load generator: keep-alive HTTP/1.1 from node:http (no extra dependency), the same client for the service and
// for the floor, so its cost lands on both alike. Bodies are serialised once up front.
//   closedLoop: `concurrency` clients, each sending its next request when the previous answer is in (saturation);
//   openLoop:   requests started on a fixed schedule whatever the answers do (a paced stream at a given rate);
//               latency counts from the scheduled start, so a stalled server cannot hide behind fewer requests.
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** One request over the agent's keep-alive sockets; a connection error or timeout rejects. */
export function send(agent: http.Agent, port: number, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), 'content-length': String(body?.length ?? 0), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

export interface IntakeResult {
  /** HTTP status, or 0 for a connection error. */
  status: number;
  trackingCode?: string;
  /** performance.now() when the request was (scheduled to be) started, and when its answer was complete. */
  startedAt: number;
  doneAt: number;
}

export interface IntakeRun {
  results: IntakeResult[];
  /** performance.now() and Date.now() at the first request. */
  startedAt: number;
  startedWallMs: number;
  /** performance.now() when the last answer came in. */
  endedAt: number;
  /** Answers other than 201, by status (0 = connection error). */
  errors: Map<number, number>;
}

export interface IntakeTarget {
  port: number;
  path: string;
}

function trackingCodeOf(reply: Reply): string | undefined {
  if (reply.status !== 201) return undefined;
  const parsed = JSON.parse(reply.body) as { trackingCode?: unknown };
  return typeof parsed.trackingCode === 'string' ? parsed.trackingCode : undefined;
}

async function postIntake(agent: http.Agent, target: IntakeTarget, body: Buffer, startedAt: number): Promise<IntakeResult> {
  try {
    const reply = await send(agent, target.port, 'POST', target.path, body);
    return { status: reply.status, trackingCode: trackingCodeOf(reply), startedAt, doneAt: performance.now() };
  } catch {
    return { status: 0, startedAt, doneAt: performance.now() };
  }
}

function tally(results: readonly IntakeResult[]): Map<number, number> {
  const errors = new Map<number, number>();
  for (const { status } of results) if (status !== 201) errors.set(status, (errors.get(status) ?? 0) + 1);
  return errors;
}

/** `count` intakes by `concurrency` clients, each waiting for its answer before sending the next. */
export async function closedLoop(target: IntakeTarget, bodies: readonly Buffer[], count: number, concurrency: number, offset = 0): Promise<IntakeRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results = new Array<IntakeResult>(count);
  let next = 0;
  const startedWallMs = Date.now();
  const startedAt = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          results[i] = await postIntake(agent, target, bodies[(offset + i) % bodies.length], performance.now());
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { results, startedAt, startedWallMs, endedAt: performance.now(), errors: tally(results) };
}

/**
 * An open-loop stream: request i starts at t0 + i/rate (ms resolution of the timers), for `seconds`. `onAccepted` is
 * told each 201 as it arrives (for the accept → worklist clock).
 */
export async function openLoop(
  target: IntakeTarget,
  bodies: readonly Buffer[],
  rate: number,
  seconds: number,
  onAccepted: (trackingCode: string, at: number) => void,
  offset = 0,
): Promise<IntakeRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const results: IntakeResult[] = [];
  const inFlight: Promise<void>[] = [];
  const startedWallMs = Date.now();
  const startedAt = performance.now();
  try {
    await new Promise<void>((resolve) => {
      let i = 0;
      const tick = (): void => {
        const now = performance.now();
        while (i < total && startedAt + i * interval <= now) {
          const scheduled = startedAt + i * interval;
          const body = bodies[(offset + i) % bodies.length];
          i += 1;
          inFlight.push(
            postIntake(agent, target, body, scheduled).then((result) => {
              results.push(result);
              if (result.trackingCode) onAccepted(result.trackingCode, result.doneAt);
            }),
          );
        }
        if (i >= total) resolve();
        else setTimeout(tick, Math.max(0, startedAt + i * interval - performance.now()));
      };
      tick();
    });
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
  return { results, startedAt, startedWallMs, endedAt: performance.now(), errors: tally(results) };
}

export interface ClaimRun {
  /** Every case id handed out, one entry per 200 (a duplicate would show up twice). */
  claimed: string[];
  seconds: number;
  errors: Map<number, number>;
}

/**
 * One case worker per token, all at once, each claiming the next case of the worklist until it answers 204.
 * A claimer that keeps getting errors gives up after 100 of them.
 */
export async function claimAll(port: number, path: string, tokens: readonly string[]): Promise<ClaimRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: tokens.length });
  const claimed: string[] = [];
  const errors = new Map<number, number>();
  const started = performance.now();
  try {
    await Promise.all(
      tokens.map(async (token) => {
        let failures = 0;
        for (;;) {
          let reply: Reply;
          try {
            reply = await send(agent, port, 'POST', path, undefined, { authorization: `Bearer ${token}` });
          } catch {
            reply = { status: 0, body: '' };
          }
          if (reply.status === 204) return;
          if (reply.status === 200) {
            claimed.push((JSON.parse(reply.body) as { id: string }).id);
            continue;
          }
          errors.set(reply.status, (errors.get(reply.status) ?? 0) + 1);
          if (++failures >= 100) return;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { claimed, seconds: (performance.now() - started) / 1000, errors };
}
