import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium';

/**
 * Run through `npm test`, which builds the app, starts it on a fresh database and sets
 * FACTMARK_TEST_BASE_URL. The API suite speaks HTTP only; the browser suite drives Chromium.
 */
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One at a time: the suites share one database, and some (last-admin) need its global state.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.FACTMARK_TEST_BASE_URL ?? 'http://localhost:3000',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'api', testMatch: /api\/.*\.spec\.ts/ },
    {
      name: 'browser',
      testMatch: /browser\/.*\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
