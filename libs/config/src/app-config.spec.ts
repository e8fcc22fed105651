import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config.js';
import { KNOWN_SECRETS } from './secret-strength.js';

const STRONG_SECRET = randomBytes(32).toString('base64');

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
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, DEMO_SEED: 'true' });
    expect(config.seedDemoData).toBe(false);
  });

  it('refuses a published or weak JWT_SECRET in production, naming the variable, and accepts a random 32-byte one', () => {
    for (const known of KNOWN_SECRETS) expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: known })).toThrow(/JWT_SECRET: is a published/);
    for (const weak of ['a-real-secret-of-enough-length', 'correct horse battery staple', 'a'.repeat(200), '0123456789abcdef'.repeat(3)]) {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: weak })).toThrow(/JWT_SECRET: is too weak/);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64') }).isProduction).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex') }).isProduction).toBe(true);
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
