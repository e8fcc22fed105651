// Real processes for the fault suite: a redis-server of its own, the built api and worker as child processes. Every
// child is registered, so whatever happens (a failed assertion, an exception, Ctrl-C) none outlives the suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const API_MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url));

const running = new Set<ChildProcess>();

/** SIGKILLs every child process still running. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}
// Last resort (also on an uncaught exception): no child process outlives the suite.
process.on('exit', killAll);

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the child to bind). */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One child process with its output in a log file. */
export class Child {
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {
    const fd = openSync(logFile, 'a');
    try {
      this.child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    running.add(this.child);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        running.delete(this.child);
        resolve({ code, signal, at: performance.now() });
      });
      this.child.once('error', () => {
        running.delete(this.child);
        resolve({ code: null, signal: null, at: performance.now() });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<Exit> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  tail(lines = 20): string {
    return this.log().trimEnd().split('\n').slice(-lines).join('\n');
  }
}

/** Sends one inline Redis command (PING, DBSIZE, LLEN key) and returns the reply line; rejects if unreachable. */
export function redisCommand(port: number, command: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (error?: Error): void => {
      socket.destroy();
      if (error) reject(error);
      else resolve(reply.trim());
    };
    socket.setTimeout(timeoutMs, () => done(new Error('redis: timeout')));
    socket.once('error', (error) => done(error));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.endsWith('\r\n')) done();
    });
  });
}

/** A redis-server of the suite's own, without persistence: killed, it comes back empty. */
export class RedisServer {
  private child: Child | null = null;
  private starts = 0;

  constructor(
    readonly port: number,
    private readonly logDir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.starts += 1;
    this.child = new Child(
      'redis-server',
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.logDir],
      process.env,
      join(this.logDir, `redis-${this.starts}.log`),
    );
    const until = performance.now() + 10_000;
    for (;;) {
      if (!this.child.alive) throw new Error(`redis-server did not start on port ${this.port}:\n${this.child.tail()}`);
      if ((await redisCommand(this.port, 'PING').catch(() => '')) === '+PONG') return;
      if (performance.now() > until) throw new Error(`redis-server did not answer on port ${this.port}`);
      await sleep(25);
    }
  }

  /** Kills the server outright: no shutdown save (there is no persistence anyway), every key is gone. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.child.exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.child?.stop(5_000);
    this.child = null;
  }

  /** An integer reply of a command (LLEN, DBSIZE), or null when Redis does not answer. */
  async integer(command: string): Promise<number | null> {
    const reply = await redisCommand(this.port, command).catch(() => '');
    return reply.startsWith(':') ? Number(reply.slice(1)) : null;
  }
}

export type ServiceKind = 'api' | 'worker';

/** The built api (`dist/apps/api/src/main.js`, without `--with-worker`) or worker, as a child process. */
export class Service extends Child {
  private constructor(
    readonly kind: ServiceKind,
    name: string,
    env: NodeJS.ProcessEnv,
    logFile: string,
  ) {
    super(name, process.execPath, [kind === 'api' ? API_MAIN : WORKER_MAIN], env, logFile);
  }

  /** Starts it and resolves once it serves: the api answers /health/live, the worker says it consumes its queues. */
  static async start(kind: ServiceKind, name: string, env: NodeJS.ProcessEnv, logFile: string, timeoutMs = 60_000): Promise<Service> {
    const service = new Service(kind, name, env, logFile);
    const until = performance.now() + timeoutMs;
    for (;;) {
      if (!service.alive) throw new Error(`${name} exited while starting:\n${service.tail()}`);
      if (kind === 'api') {
        const live = await fetch(`http://127.0.0.1:${env.PORT}/health/live`, { signal: AbortSignal.timeout(1000) }).catch(() => null);
        if (live?.status === 200) return service;
      } else if (service.log().includes('is consuming its queues')) {
        return service;
      }
      if (performance.now() > until) {
        service.kill('SIGKILL');
        throw new Error(`${name} did not become ready within ${timeoutMs} ms:\n${service.tail()}`);
      }
      await sleep(50);
    }
  }
}
