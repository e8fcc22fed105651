import { plainToInstance, Transform } from 'class-transformer';
import { KNOWN_SECRETS, weakSecretReason } from './secret-strength.js';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** pino's levels, most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const DEV_JWT_SECRET = KNOWN_SECRETS[0];

/**
 * The whole configuration of the service, read once from the environment at boot.
 * Nothing else in the code base reads process.env.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  nodeEnv: NodeEnv = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsString()
  @MinLength(1)
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/werkloket';

  /**
   * The owner's connection, for migrations and for granting the service's own role what it needs. The service
   * itself connects with DATABASE_URL, which in production should be a role that may only add to the audit log.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  migrationDatabaseUrl?: string;

  @IsString()
  @MinLength(1)
  redisUrl = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so test runs and deployments sharing a Redis never see each other's jobs. */
  @IsString()
  @MinLength(1)
  queuePrefix = 'werkloket';

  @IsString()
  @MinLength(16)
  jwtSecret = DEV_JWT_SECRET;

  /** Lifetime of an access token, in seconds. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(60)
  jwtTtlSeconds = 8 * 3600;

  /** How often the outbox relay looks for intakes that are not yet on the queue (ms). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  outboxPollMs = 1000;

  /** Days after a case closes that the intake's contact details and free text are kept (statistics stay). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  retentionDays = 90;

  /** How often each worker process tries to run the safety-net sweep (one at a time across processes, ms). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  sweepIntervalMs = 60_000;

  /** An intake waits this long for its routing job before the sweep routes it itself (ms). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  routingStragglerMs = 120_000;

  /** Routing attempts (by the sweep, with exponential backoff) before an intake is marked routing_failed. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  routingMaxAttempts = 5;

  /** Readiness reports degraded when the oldest unrouted intake is older than this (seconds). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  readyMaxBacklogSeconds = 300;

  /** On SIGTERM, in-flight requests and running jobs get this long before connections are cut (ms). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(120_000)
  shutdownDrainMs = 10_000;

  /** Intakes (POST /api/v1/intakes) one client address may send per minute; a family or office behind one NAT sends several. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  rateLimitIntakesPerMinute = 20;

  /** Status look-ups (GET /api/v1/intakes/{trackingCode}) one client address may do per minute. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  rateLimitStatusPerMinute = 120;

  /** Failed logins one client address may make per minute, across usernames (a successful login does not count). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  rateLimitLoginPerMinute = 10;

  /** The longest a login for a username under attack has to wait between attempts (seconds): it slows down, never locks. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3600)
  rateLimitLoginMaxDelaySeconds = 300;

  /** Whose X-Forwarded-For is believed for the client address (Express's trust proxy); see parseTrustProxy. */
  @IsOptional()
  @IsString()
  trustProxy?: string;

  /** The least severe log line written (JSON lines on stdout). */
  @IsIn(LOG_LEVELS)
  logLevel: LogLevelName = 'info';

  /**
   * When set, /metrics answers only `Authorization: Bearer <this>`. Production refuses to start without it unless
   * METRICS_PORT puts the metrics on a port of their own.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  metricsToken?: string;

  /**
   * Serve /metrics on this port (a small HTTP server of its own) instead of on PORT; a worker running alone serves
   * its metrics only here. Keep the port inside the cluster network.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  metricsPort?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  demoSeed?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  demoCases?: 'true' | 'false';

  /** The OpenAPI page at /docs: on outside production, in production only when asked for. */
  @IsOptional()
  @IsIn(['true', 'false'])
  docsEnabled?: 'true' | 'false';

  get serveDocs(): boolean {
    return this.docsEnabled === undefined ? !this.isProduction : this.docsEnabled === 'true';
  }

  /** Migrations run as the owner: MIGRATION_DATABASE_URL, else DATABASE_URL (one role, as in development). */
  get ownerDatabaseUrl(): string {
    return this.migrationDatabaseUrl ?? this.databaseUrl;
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** Demo accounts and demo cases are created outside production unless switched off. */
  get seedDemoData(): boolean {
    return !this.isProduction && this.demoSeed !== 'false';
  }

  /** TRUST_PROXY as Express's `trust proxy` setting (validated by loadConfig). */
  get trustProxySetting(): TrustProxy {
    return parseTrustProxy(this.trustProxy);
  }

  /** With the demo accounts, the public sample questions as intakes on an empty database. */
  get seedDemoCases(): boolean {
    return this.seedDemoData && this.demoCases !== 'false';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const ENV_NAMES: Record<string, keyof AppConfig> = {
  NODE_ENV: 'nodeEnv',
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  MIGRATION_DATABASE_URL: 'migrationDatabaseUrl',
  REDIS_URL: 'redisUrl',
  QUEUE_PREFIX: 'queuePrefix',
  JWT_SECRET: 'jwtSecret',
  JWT_TTL_SECONDS: 'jwtTtlSeconds',
  OUTBOX_POLL_MS: 'outboxPollMs',
  RETENTION_DAYS: 'retentionDays',
  SWEEP_INTERVAL_MS: 'sweepIntervalMs',
  ROUTING_STRAGGLER_MS: 'routingStragglerMs',
  ROUTING_MAX_ATTEMPTS: 'routingMaxAttempts',
  READY_MAX_BACKLOG_SECONDS: 'readyMaxBacklogSeconds',
  SHUTDOWN_DRAIN_MS: 'shutdownDrainMs',
  RATE_LIMIT_INTAKES_PER_MINUTE: 'rateLimitIntakesPerMinute',
  RATE_LIMIT_STATUS_PER_MINUTE: 'rateLimitStatusPerMinute',
  RATE_LIMIT_LOGIN_PER_MINUTE: 'rateLimitLoginPerMinute',
  RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: 'rateLimitLoginMaxDelaySeconds',
  TRUST_PROXY: 'trustProxy',
  DEMO_SEED: 'demoSeed',
  DEMO_CASES: 'demoCases',
  DOCS_ENABLED: 'docsEnabled',
  LOG_LEVEL: 'logLevel',
  METRICS_TOKEN: 'metricsToken',
  METRICS_PORT: 'metricsPort',
};

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const [envName, key] of Object.entries(ENV_NAMES)) {
    const value = env[envName];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const config = plainToInstance(AppConfig, plain);
  const problems = validateSync(config).map((error) => {
    const envName = Object.keys(ENV_NAMES).find((name) => ENV_NAMES[name] === error.property) ?? error.property;
    return `${envName}: ${Object.values(error.constraints ?? {}).join(', ')}`;
  });
  if (config.isProduction && (env.JWT_SECRET === undefined || env.JWT_SECRET === '')) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  } else if (config.isProduction) {
    const weakness = weakSecretReason(config.jwtSecret);
    if (weakness) problems.push(`JWT_SECRET: ${weakness}`);
  }
  // The metrics tell how busy every worklist is and how often logins fail: not for the open internet.
  if (config.isProduction && config.metricsToken === undefined && config.metricsPort === undefined) {
    problems.push('METRICS_TOKEN: required when NODE_ENV=production, unless METRICS_PORT serves /metrics on a port of its own');
  } else if (config.isProduction && config.metricsToken !== undefined) {
    const weakness = weakSecretReason(config.metricsToken);
    if (weakness) problems.push(`METRICS_TOKEN: ${weakness}`);
  }
  if (config.metricsPort !== undefined && config.metricsPort === config.port) {
    problems.push('METRICS_PORT: must differ from PORT');
  }
  try {
    parseTrustProxy(config.trustProxy);
  } catch (error) {
    problems.push(`TRUST_PROXY: ${(error as Error).message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
