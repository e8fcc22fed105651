import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

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
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-enough-length', DEMO_SEED: 'true' });
    expect(config.seedDemoData).toBe(false);
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
