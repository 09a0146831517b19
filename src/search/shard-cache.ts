/**
 * Keeps the search index of each shard from one build to the next (Node only), so that a
 * rebuild after a correction indexes one shard, not the archive:
 * - a shard whose records (file hashes, in order) and indexing code are unchanged is
 *   copied whole: its Pagefind index and its result-card documents;
 * - a changed shard is indexed again, but the prepared text of each unchanged record
 *   (the token stream Pagefind receives and its result-card document) is taken from the
 *   previous build of the shard with the same name instead of computed again.
 *
 * One folder per shard version: <key>/{pagefind/, doc/<n>.json.gz, texts.jsonl, label, complete}.
 * `complete` is written last, so a build stopped halfway never leaves an entry that looks whole.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A record's prepared index text: what Pagefind receives and its word count. */
export interface PreparedText {
  /** Cache key of the record: its file hash and the indexing code. */
  key: string;
  words: number;
  content: string;
}

/** A record prepared by an earlier build, and where its result-card document is. */
export interface CachedText extends PreparedText {
  docFile: string;
}

/** The code a shard's index comes from and Pagefind's version, as one digest. */
export function indexCodeDigest(root: string): string {
  const hash = createHash('sha256');
  const files = ['src/search', 'src/lib', 'src/schemas'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, dir, f)),
  );
  for (const file of files.sort()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  hash.update(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json')));
  return hash.digest('base64url');
}

/** The shard cache of one archive; see the module comment. */
export class ShardCache {
  readonly #dir: string;
  readonly #code: string;
  readonly #used = new Set<string>();

  /** `dir` holds the cache of one archive; `code` is {@link indexCodeDigest}. */
  constructor(dir: string, code: string) {
    this.#dir = dir;
    this.#code = code;
    mkdirSync(dir, { recursive: true });
  }

  /** The key of a record: its file hash under this indexing code. */
  recordKey(fileHash: string): string {
    return createHash('sha256').update(this.#code).update(fileHash).digest('base64url').slice(0, 24);
  }

  /** The key of a shard of records with these keys, in order. */
  shardKey(recordKeys: readonly string[]): string {
    const hash = createHash('sha256');
    for (const key of recordKeys) hash.update(key);
    return hash.digest('base64url').slice(0, 32);
  }

  /**
   * Copies the shard `key` into `pagefindOut` and its documents to `docDir/<base + n>.json.gz`,
   * if the cache has it. Records before the shard may have been added or removed since,
   * so the documents are renumbered from `base`.
   */
  restore(key: string, pagefindOut: string, docDir: string, base: number): boolean {
    const entry = join(this.#dir, key);
    if (!existsSync(join(entry, 'complete'))) return false;
    this.#used.add(key);
    cpSync(join(entry, 'pagefind'), pagefindOut, { recursive: true });
    const count = readdirSync(join(entry, 'doc')).length;
    for (let local = 0; local < count; local++) cpSync(join(entry, 'doc', `${local}.json.gz`), join(docDir, `${base + local}.json.gz`));
    return true;
  }

  /** The records prepared by the last complete build of the shard named `label`, by record key. */
  previousTexts(label: string): Map<string, CachedText> {
    const texts = new Map<string, CachedText>();
    for (const name of readdirSync(this.#dir)) {
      const entry = join(this.#dir, name);
      if (!existsSync(join(entry, 'complete')) || readFileSync(join(entry, 'label'), 'utf8') !== label) continue;
      readFileSync(join(entry, 'texts.jsonl'), 'utf8')
        .split('\n')
        .forEach((line, local) => {
          if (!line) return;
          const text = JSON.parse(line) as PreparedText;
          texts.set(text.key, { ...text, docFile: join(entry, 'doc', `${local}.json.gz`) });
        });
    }
    return texts;
  }

  /** Keeps a freshly built shard: its index folder, its documents (docDir/<start…end-1>) and prepared texts. */
  save(key: string, label: string, pagefindDir: string, docDir: string, start: number, texts: readonly PreparedText[]): void {
    const entry = join(this.#dir, key);
    const partial = `${entry}.partial`;
    rmSync(partial, { recursive: true, force: true });
    rmSync(entry, { recursive: true, force: true });
    cpSync(pagefindDir, join(partial, 'pagefind'), { recursive: true });
    mkdirSync(join(partial, 'doc'));
    texts.forEach((_, local) => cpSync(join(docDir, `${start + local}.json.gz`), join(partial, 'doc', `${local}.json.gz`)));
    writeFileSync(join(partial, 'texts.jsonl'), texts.map((t) => `${JSON.stringify(t)}\n`).join(''));
    writeFileSync(join(partial, 'label'), label);
    renameSync(partial, entry);
    writeFileSync(join(entry, 'complete'), '');
    this.#used.add(key);
  }

  /** Removes every shard version this build did not use, so the cache stays the size of one index. */
  prune(): void {
    for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}
