import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the real server (built web app + API) on a fresh SQLite database,
 * driven in Debian's Chromium: Playwright's own browser downloads cannot reach this network.
 */
const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** 3100 when it is free, otherwise any free port; synchronous because the config is. */
function pickPort(): string {
  const script = `const s = require('node:net').createServer();
s.once('error', () => s.listen(0, '127.0.0.1'));
s.on('listening', () => { process.stdout.write(String(s.address().port)); s.close(); });
s.listen(3100, '127.0.0.1');`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0 || !/^\d+$/.test(result.stdout)) throw new Error(`could not find a free port: ${result.stderr}`);
  return result.stdout;
}

// Decided once, in the runner: its workers load this file again, and inherit its environment.
if (!process.env.E2E_PORT) process.env.E2E_PORT = pickPort();
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'guildhall-e2e-'));
  process.env.E2E_DATA_DIR_OWNED = '1';
}
const port = process.env.E2E_PORT;
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Separate directories let several runs share a checkout without deleting each other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: isCI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // The foundation journey signs up the organisation's first account (its admin), so it runs
    // alone, before every other journey, on the fresh database.
    // Never retried: a second attempt on the same database would no longer be the first account.
    { name: 'first-account', testMatch: 'foundation.spec.ts', retries: 0, use: { browserName: 'chromium' } },
    { name: 'chromium', testIgnore: 'foundation.spec.ts', dependencies: ['first-account'], use: { browserName: 'chromium' } },
  ],
  webServer: {
    // Exactly what `npm start` runs, so the journeys test what people run; it also builds the
    // web app first when its sources changed since the last build.
    command: 'node scripts/start.mjs',
    url: `${baseURL}/readyz`,
    // Always a fresh server on a fresh database: journeys must not depend on leftovers.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      WRITE_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    },
  },
});
