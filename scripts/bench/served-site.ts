/**
 * A built site served as a static host serves it (scripts/serve.ts), and Chromium to
 * read it with: what the browser benchmarks share.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** A served site and the browser; `close` stops both. */
export interface ServedSite {
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Serves `dist` on `port`, launches Chromium, and resolves once the site answers. */
export async function openServedSite(dist: string, port: string): Promise<ServedSite> {
  const server = spawn(process.execPath, [join(root, 'scripts/serve.ts'), dist], { env: { ...process.env, PORT: port }, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}
