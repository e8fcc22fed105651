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
