import { defineConfig, devices } from '@playwright/test';
import { buildEnv } from './scripts/lib/env.mjs';
import type { SandboxOptions } from './e2e/fixtures';

// Own ports (app 3100, sandbox 4100) and own data, wiped at each run: a running `npm start` is never
// touched. `npm test` builds first; run alone, the app server builds when .next is missing or stale.
const env = buildEnv({ profile: 'test' });
const ci = !!process.env.CI;

export default defineConfig<SandboxOptions>({
  testDir: 'e2e',
  // One sandbox database is shared by every test: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: env.appUrl,
    sandboxURL: env.sandboxUrl,
    trace: 'off',
    headless: true,
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browsers here (see scripts/lib/chromium.mjs).
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /\.nojs\.spec\.ts$/ },
    {
      name: 'no-js',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false },
      testMatch: /\.nojs\.spec\.ts$/,
    },
  ],
  webServer: [
    {
      name: 'sandbox',
      command: 'node scripts/lib/serve.mjs sandbox',
      url: env.readiness.sandbox,
      env: env.sandbox as Record<string, string>,
      reuseExistingServer: !ci,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      name: 'app',
      command: 'node scripts/lib/serve.mjs app',
      // Any TCP answer will do: the smoke test reports what the home page says.
      port: env.ports.app,
      env: env.app as Record<string, string>,
      reuseExistingServer: !ci,
      // Includes a `next build` when run without `npm test`.
      timeout: 300_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
