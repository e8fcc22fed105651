import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config.js';
import { KNOWN_SECRETS } from './secret-strength.js';

const STRONG_SECRET = randomBytes(32).toString('base64');
/** Production needs its metrics closed: a token, or a port of their own. */
const METRICS = { METRICS_TOKEN: randomBytes(32).toString('base64') };

describe('loadConfig', () => {
  it('gives a newcomer working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/werkloket',
      redisUrl: 'redis://127.0.0.1:6379',
      isProduction: false,
      seedDemoData: true,
    });
  });

  it('requires JWT_SECRET in production and never seeds demo data there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...METRICS })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, DEMO_SEED: 'true', ...METRICS });
    expect(config.seedDemoData).toBe(false);
  });

  it('refuses a published or weak JWT_SECRET in production, naming the variable, and accepts a random 32-byte one', () => {
    for (const known of KNOWN_SECRETS) expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: known, ...METRICS })).toThrow(/JWT_SECRET: is a published/);
    for (const weak of ['a-real-secret-of-enough-length', 'correct horse battery staple', 'a'.repeat(200), '0123456789abcdef'.repeat(3)]) {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: weak, ...METRICS })).toThrow(/JWT_SECRET: is too weak/);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64'), ...METRICS }).isProduction).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), ...METRICS }).isProduction).toBe(true);
    // Outside production the development default stays usable.
    expect(loadConfig({}).jwtSecret).toBe(KNOWN_SECRETS[0]);
  });

  it('limits the anonymous endpoints per address by default, and takes other limits from the environment', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitIntakesPerMinute: 20, rateLimitStatusPerMinute: 120, rateLimitLoginPerMinute: 10, rateLimitLoginMaxDelaySeconds: 300 });
    const config = loadConfig({ RATE_LIMIT_INTAKES_PER_MINUTE: '50', RATE_LIMIT_STATUS_PER_MINUTE: '600', RATE_LIMIT_LOGIN_PER_MINUTE: '5', RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: '60' });
    expect(config).toMatchObject({ rateLimitIntakesPerMinute: 50, rateLimitStatusPerMinute: 600, rateLimitLoginPerMinute: 5, rateLimitLoginMaxDelaySeconds: 60 });
    expect(() => loadConfig({ RATE_LIMIT_INTAKES_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_INTAKES_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: 'lang' })).toThrow(/RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS/);
  });

  it('refuses production without METRICS_TOKEN unless METRICS_PORT puts /metrics on a port of its own; open in development', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET };
    expect(() => loadConfig(production)).toThrow(/METRICS_TOKEN: required when NODE_ENV=production, unless METRICS_PORT/);
    expect(loadConfig({ ...production, ...METRICS }).metricsToken).toBe(METRICS.METRICS_TOKEN);
    const separatePort = loadConfig({ ...production, METRICS_PORT: '9464' });
    expect(separatePort.metricsPort).toBe(9464);
    expect(separatePort.metricsToken).toBeUndefined();
    // A token in production is a secret like the JWT's: not a guessable word.
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'metrics-token-for-prometheus' })).toThrow(/METRICS_TOKEN: is too weak/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    const development = loadConfig({});
    expect([development.metricsToken, development.metricsPort, development.logLevel]).toEqual([undefined, undefined, 'info']);
  });

  it('takes LOG_LEVEL from pino\'s levels', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['NODE_ENV', 'PORT']);
    }
  });
});
