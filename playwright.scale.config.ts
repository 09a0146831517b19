import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** The scale tests (tests/scale) against the generated archive that tests/scale/prepare-scale.ts builds. */
const port = Number(process.env.SCALE_PORT ?? 4333);

export default defineConfig({
  ...base,
  testDir: 'tests/scale',
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `node scripts/serve.ts ${process.env.SCALE_DIR ?? '.tmp/scale'}/dist`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
