import { defineConfig } from '@playwright/test';

// End-to-end tests load the production build (.output/chrome-mv3) into Debian's Chromium; one
// persistent browser at a time on a 2-core machine.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
