import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { markStagingReady, waitForStaging } from '../../src/lib/staging-ready.ts';

// Astro's process waits for scripts/build.ts to prepare the output folder before it
// writes anything there; it must neither start early nor wait forever.
const work = mkdtempSync(join(tmpdir(), 'archive-staging-ready-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('waiting for the output folder', () => {
  test('the wait ends when the build marks the folder ready, with what it says', async () => {
    const file = join(work, 'dist.staging.ready');
    let marked = false;
    setTimeout(() => {
      marked = true;
      markStagingReady(file, { reused: true, since: 1234 });
    }, 150);
    const ready = await waitForStaging(file);
    expect(marked).toBe(true);
    expect(ready).toEqual({ reused: true, since: 1234 });
  });

  test('a process whose build stopped before marking the folder gives up with an error', () => {
    const module = resolve(import.meta.dirname, '../../src/lib/staging-ready.ts');
    const waiter = `import { waitForStaging } from ${JSON.stringify(module)};
      waitForStaging(${JSON.stringify(join(work, 'never.ready'))}).then(() => console.log('went on'), (error) => console.log('gave up:', error.message));`;
    // The "build" starts the waiting process and stops at once; the waiter's output comes
    // through the pipe the two shared, which closes when the waiter ends.
    const build = `const { spawn } = require('node:child_process');
      spawn(process.execPath, ['--input-type=module', '-e', ${JSON.stringify(waiter)}], { stdio: 'inherit' });
      setTimeout(() => process.exit(0), 300);`;
    const result = spawnSync(process.execPath, ['-e', build], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout).toMatch(/gave up: the build that started this process has stopped before preparing its output folder/);
  });
});
