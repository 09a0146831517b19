/**
 * Debian's Chromium driven over the DevTools protocol (chrome-remote-interface) with only
 * the Page, Runtime and Input domains on, for timings that should be a reader's. Playwright
 * always turns on the Network domain and reports every request to its driver: on the
 * 2-core reference machine that made a search, which fetches a dozen small files, about a
 * third slower (README, Search). The benchmarks time queries both ways.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CDP from 'chrome-remote-interface';

/** A page of a plain Chromium. */
export interface PlainPage {
  /** Evaluates `expression` in the page, awaiting a promise it returns; its value, as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Types `text` into the focused element as an input method commits it (one input event). */
  insertText(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium headless (its own profile folder) and opens `url` in its page, once loaded. */
export async function openPlainPage(url: string): Promise<PlainPage> {
  const profile = mkdtempSync(join(tmpdir(), 'archive-plain-chromium-'));
  const chrome = spawn(
    process.env.CHROME_PATH || '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  // The profile is removed once Chromium has exited; its helper processes may still be
  // writing there for a moment, so removal is retried, and a leftover temporary folder
  // is reported rather than failing the measurement.
  const stop = async () => {
    if (chrome.exitCode === null) chrome.kill();
    await exited;
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (error) {
      console.warn(`could not remove Chromium's temporary profile ${profile}: ${String(error)}`);
    }
  };
  try {
    // Chromium writes the port it chose to DevToolsActivePort in the profile.
    const portFile = join(profile, 'DevToolsActivePort');
    for (let i = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); i++) {
      if (i > 300 || chrome.exitCode !== null) throw new Error(`Chromium did not open its DevTools port (${process.env.CHROME_PATH || '/usr/bin/chromium'}, exit ${chrome.exitCode})`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
    const client = await CDP({ port, target: (targets) => targets.findIndex((t) => t.type === 'page') });
    await client.Page.enable();
    const loaded = client.Page.loadEventFired();
    await client.Page.navigate({ url });
    await loaded;
    return {
      async evaluate<T>(expression: string): Promise<T> {
        const { result, exceptionDetails } = await client.Runtime.evaluate({ expression, awaitPromise: true, returnByValue: true });
        if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value as T;
      },
      async insertText(text: string): Promise<void> {
        await client.Input.insertText({ text });
      },
      async close() {
        // Closed through the protocol, Chromium shuts its helper processes down first.
        await client.Browser.close().catch(() => {});
        await client.close().catch(() => {});
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
