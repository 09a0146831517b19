import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { shareFile, shareTree } from '../../src/lib/shared-files.ts';

// The search index's cache and output share files (hard links). Replacing a shared file
// at one path must never change it at the other.
const work = mkdtempSync(join(tmpdir(), 'archive-shared-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shared files', () => {
  test('a shared file is the same file at both paths; sharing another one over it leaves the first alone', () => {
    writeFileSync(join(work, 'a'), 'first');
    writeFileSync(join(work, 'b'), 'second');
    shareFile(join(work, 'a'), join(work, 'cache-a'));
    expect(statSync(join(work, 'cache-a')).ino).toBe(statSync(join(work, 'a')).ino);
    shareFile(join(work, 'b'), join(work, 'cache-a'));
    expect(readFileSync(join(work, 'cache-a'), 'utf8')).toBe('second');
    expect(readFileSync(join(work, 'a'), 'utf8')).toBe('first');
  });

  test('a tree is shared file by file, into a folder that may exist', () => {
    mkdirSync(join(work, 'tree/index'), { recursive: true });
    writeFileSync(join(work, 'tree/entry.json'), '{}');
    writeFileSync(join(work, 'tree/index/c1'), 'chunk');
    mkdirSync(join(work, 'copy'));
    shareTree(join(work, 'tree'), join(work, 'copy'));
    expect(readFileSync(join(work, 'copy/index/c1'), 'utf8')).toBe('chunk');
    expect(statSync(join(work, 'copy/entry.json')).ino).toBe(statSync(join(work, 'tree/entry.json')).ino);
  });
});
