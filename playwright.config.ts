import { defineConfig } from '@playwright/test';

/** Port of the test server; `npm start` uses 4321, so tests never collide with it. */
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    locale: 'zh-CN',
    launchOptions: {
      // Debian's chromium: Playwright's own browser download cannot work on these machines.
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `node scripts/serve.ts ${process.env.E2E_DIR ?? '.tmp/e2e'}/dist`,
      env: { PORT: String(port) },
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
    {
      // The hostile-records site, on the next port (tests/e2e/hostile.spec.ts).
      command: `node scripts/serve.ts ${process.env.E2E_DIR ?? '.tmp/e2e'}/hostile-dist`,
      env: { PORT: String(port + 1) },
      url: `http://127.0.0.1:${port + 1}/`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
  ],
});
