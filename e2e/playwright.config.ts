import { defineConfig, devices } from '@playwright/test';
import { SERVER_LOG } from './server-log.ts';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  // The run ends by searching the server's log for secrets (server-log.ts).
  globalTeardown: './server-log.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'off',
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: '**/phone.spec.ts' },
    {
      name: 'phone',
      use: { ...devices['Pixel 5'], viewport: { width: 360, height: 740 } },
      testMatch: '**/phone.spec.ts',
    },
  ],
  webServer: {
    // Its stdout (the log) goes to a file, as an operator may redirect it; errors still show here.
    command: `node --import tsx e2e/serve.ts serve > '${SERVER_LOG}'`,
    cwd: '..',
    url: `http://localhost:${PORT}/api/v1/network`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT) },
    stdout: 'pipe',
  },
});
