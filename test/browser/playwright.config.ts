// Browser tests: the real service (API + worker, built) on PostgreSQL and Redis, driven by headless Chromium.
// Chromium is Playwright's own download where that works, else Debian's /usr/bin/chromium (.ci/run installs it).
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { BROWSER_TEST_ENV, BROWSER_TEST_PORT } from './support/server-env.js';

const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser.ts',
  outputDir: '../../dist/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './support/global-setup.ts',
  globalTeardown: './support/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${BROWSER_TEST_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(process.env.PLAYWRIGHT_BUNDLED_BROWSER === '1' || !existsSync(systemChromium) ? {} : { executablePath: systemChromium }),
      // The machine has no network beyond loopback: keep Chromium from calling home.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node dist/apps/api/src/main.js --with-worker',
    cwd: '../..',
    url: `http://localhost:${BROWSER_TEST_PORT}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: BROWSER_TEST_ENV,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
