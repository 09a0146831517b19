/**
 * A built site served as a static host serves it (scripts/serve.ts), and Debian's
 * Chromium to read it with: what the benchmarks, the screenshots and the Lighthouse
 * audit share.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const serveScript = resolve(import.meta.dirname, '../serve.ts');

/**
 * Serves the built site in `dir` on 127.0.0.1:`port` and resolves once it answers, with
 * the function that stops it. The server's own errors (a folder that is not a built
 * archive) go to stderr; a server that never answers is an error that says where.
 */
export async function serveBuiltSite(dir: string, port: string): Promise<() => void> {
  const server = spawn(process.execPath, [serveScript, dir], { env: { ...process.env, PORT: port }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(base).then(() => true, () => false)) return () => server.kill();
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`The archive server did not answer on ${base} (serving ${dir}).`);
}

/** A served site and the browser; `close` stops both. */
export interface ServedSite {
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Serves `dir` on `port` ({@link serveBuiltSite}) and launches Chromium headless. */
export async function openServedSite(dir: string, port: string): Promise<ServedSite> {
  const stop = await serveBuiltSite(dir, port);
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    })
    .catch((error: unknown) => {
      stop();
      throw error;
    });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      stop();
    },
  };
}
