/**
 * Keeps the search index of each shard from one build to the next (Node only), so that a
 * rebuild after a correction indexes one shard, not the archive:
 * - a shard whose records (file hashes, in order) and indexing code are unchanged is
 *   copied whole: its Pagefind index and its result-card documents;
 * - a shard in which a few records changed (same number of records, at most
 *   {@link patchLimit} positions differ) keeps its Pagefind index, and the changed
 *   records are indexed into a small patch index beside it (./build-index.ts says how
 *   the browser combines the two); the entry is taken over, not copied;
 * - any other changed shard is indexed again, but the prepared text of each unchanged
 *   record (the token stream Pagefind receives and its result-card document) is taken
 *   from the previous build of the shard with the same name instead of computed again.
 *
 * One folder per shard version: <key>/{pagefind/, base-keys.json, doc/<n>.json.gz,
 * texts.jsonl, label, complete} and, for a patched shard, patch/ and patch.json; and one
 * for the shards' merged index: merged-<key>/{index/, complete}.
 * `base-keys.json` lists the records (keys, in order) the Pagefind index in pagefind/ was
 * built from; `texts.jsonl` the records the entry now stands for. `complete` is written
 * last, so a build stopped halfway never leaves an entry that looks whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareFile, shareTree } from '../lib/shared-files.ts';
import { hashSources } from '../lib/source-digest.ts';

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

/** A shard restored from the cache: its patch, if it has one (see {@link ShardCache.restore}). */
export interface RestoredShard {
  /** Positions in the shard whose record the patch index holds, in the patch's page order. */
  patch?: number[];
}

/** A cached shard that a patch can bring up to date (see {@link ShardCache.patchBase}). */
export interface PatchBase {
  /** The cache entry. */
  key: string;
  /** Positions in the shard whose record differs from the entry's Pagefind index. */
  changed: number[];
}

/**
 * Most records a patch index may hold in a shard of `count`: a twentieth of the shard,
 * at least 8 and at most 300. Every record of a patch costs the browser a little on each
 * search (one more small index to open), so past that the shard is indexed again.
 * ARCHIVE_SEARCH_PATCH_LIMIT overrides it (0: never patch).
 */
export function patchLimit(count: number): number {
  const set = process.env.ARCHIVE_SEARCH_PATCH_LIMIT;
  if (set !== undefined && set !== '') {
    const limit = Number(set);
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`ARCHIVE_SEARCH_PATCH_LIMIT is "${set}"; expected a whole number of records (0 never patches a shard), or unset it.`);
    return limit;
  }
  return Math.min(300, Math.max(8, Math.floor(count / 20)));
}

/** The code a shard's index comes from and Pagefind's version, as one digest. */
export function indexCodeDigest(root: string): string {
  const hash = createHash('sha256');
  hashSources(hash, root, ['src/search', 'src/lib', 'src/schemas']);
  hash.update(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json')));
  return hash.digest('base64url');
}

/** The prepared texts a cache entry stands for, in shard order (its texts.jsonl). */
function readTexts(entry: string): PreparedText[] {
  return readFileSync(join(entry, 'texts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PreparedText);
}

function writeTexts(entry: string, texts: readonly PreparedText[]): void {
  writeFileSync(join(entry, 'texts.jsonl'), texts.map((t) => `${JSON.stringify(t)}\n`).join(''));
}

/** The shard cache of one archive; see the module comment. */
export class ShardCache {
  readonly #dir: string;
  #code: string;
  readonly #used = new Set<string>();

  /** `dir` holds the cache of one archive; `code` is {@link indexCodeDigest}. */
  constructor(dir: string, code: string) {
    this.#dir = dir;
    this.#code = code;
    mkdirSync(dir, { recursive: true });
  }

  /**
   * The archive's frequent tokens (./frequent-pairs.ts), counted in the sampled records
   * whose file hashes are `sampleHashes`: kept from the build that counted them in the same
   * records with the same code, or counted now by `count` and kept. Every record's tokens
   * depend on them, so every key made after this call depends on them too: call it first.
   */
  frequentTokens(sampleHashes: readonly string[], count: () => string[]): string[] {
    const key = `frequent-${createHash('sha256').update(this.#code).update(sampleHashes.join(',')).digest('base64url').slice(0, 32)}`;
    const file = join(this.#dir, key, 'pairs.json');
    let pairs: string[];
    if (existsSync(file)) {
      pairs = JSON.parse(readFileSync(file, 'utf8')) as string[];
    } else {
      pairs = count();
      rmSync(join(this.#dir, key), { recursive: true, force: true });
      mkdirSync(join(this.#dir, key));
      writeFileSync(file, JSON.stringify(pairs));
    }
    this.#used.add(key);
    this.#code = createHash('sha256').update(this.#code).update(pairs.join(',')).digest('base64url');
    return pairs;
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
   * Copies the shard `key` into `pagefindOut` (and its patch index, if any, into
   * `patchOut`) and its documents to `docDir/<base + n>.json.gz`, if the cache has it.
   * Records before the shard may have been added or removed since, so the documents are
   * renumbered from `base`. Returns null when the cache does not have it.
   */
  restore(key: string, pagefindOut: string, patchOut: string, docDir: string, base: number): RestoredShard | null {
    const entry = join(this.#dir, key);
    if (!existsSync(join(entry, 'complete'))) return null;
    this.#used.add(key);
    shareTree(join(entry, 'pagefind'), pagefindOut);
    const count = readdirSync(join(entry, 'doc')).length;
    for (let local = 0; local < count; local++) shareFile(join(entry, 'doc', `${local}.json.gz`), join(docDir, `${base + local}.json.gz`));
    if (!existsSync(join(entry, 'patch.json'))) return {};
    shareTree(join(entry, 'patch'), patchOut);
    return { patch: JSON.parse(readFileSync(join(entry, 'patch.json'), 'utf8')) as number[] };
  }

  /** The Pagefind index folder of the cache entry `key`. */
  indexDir(key: string): string {
    return join(this.#dir, key, 'pagefind');
  }

  /**
   * The cached version of the shard `label` that a patch can bring to these records: it
   * has as many records, and at most {@link patchLimit} positions hold another record
   * than its Pagefind index does (a corrected record, or one replaced by another). The
   * patch holds every such position, including those an earlier patch held.
   */
  patchBase(label: string, recordKeys: readonly string[]): PatchBase | null {
    const limit = patchLimit(recordKeys.length);
    for (const name of readdirSync(this.#dir)) {
      const entry = join(this.#dir, name);
      if (!existsSync(join(entry, 'complete')) || !existsSync(join(entry, 'base-keys.json')) || readFileSync(join(entry, 'label'), 'utf8') !== label) continue;
      const baseKeys = JSON.parse(readFileSync(join(entry, 'base-keys.json'), 'utf8')) as string[];
      if (baseKeys.length !== recordKeys.length) continue;
      const changed = recordKeys.flatMap((key, i) => (key === baseKeys[i] ? [] : [i]));
      if (changed.length > 0 && changed.length <= limit) return { key: name, changed };
    }
    return null;
  }

  /** The records prepared by the last complete build of the shard named `label`, by record key. */
  previousTexts(label: string): Map<string, CachedText> {
    const texts = new Map<string, CachedText>();
    for (const name of readdirSync(this.#dir)) {
      const entry = join(this.#dir, name);
      // Merged indexes ({@link saveMerged}) have no label.
      if (!existsSync(join(entry, 'complete')) || !existsSync(join(entry, 'label')) || readFileSync(join(entry, 'label'), 'utf8') !== label) continue;
      readTexts(entry).forEach((text, local) => texts.set(text.key, { ...text, docFile: join(entry, 'doc', `${local}.json.gz`) }));
    }
    return texts;
  }

  /** Keeps a freshly built shard: its index folder, its documents (docDir/<start…end-1>) and prepared texts. */
  save(key: string, label: string, pagefindDir: string, docDir: string, start: number, texts: readonly PreparedText[]): void {
    const entry = join(this.#dir, key);
    const partial = `${entry}.partial`;
    rmSync(partial, { recursive: true, force: true });
    rmSync(entry, { recursive: true, force: true });
    shareTree(pagefindDir, join(partial, 'pagefind'));
    mkdirSync(join(partial, 'doc'));
    texts.forEach((_, local) => shareFile(join(docDir, `${start + local}.json.gz`), join(partial, 'doc', `${local}.json.gz`)));
    writeTexts(partial, texts);
    writeFileSync(join(partial, 'base-keys.json'), JSON.stringify(texts.map((t) => t.key)));
    writeFileSync(join(partial, 'label'), label);
    renameSync(partial, entry);
    writeFileSync(join(entry, 'complete'), '');
    this.#used.add(key);
  }

  /**
   * Keeps a patched shard as the entry `key`, made from the entry `base.key` (which
   * this build no longer needs, so it is taken over rather than copied): its Pagefind
   * index stays, the documents of records that differ from those it held
   * (docDir/<start + position>) replace theirs, and the patch index in `patchDir`
   * replaces any earlier patch.
   */
  savePatched(key: string, base: PatchBase, patchDir: string, docDir: string, start: number, texts: readonly PreparedText[]): void {
    const from = join(this.#dir, base.key);
    const entry = join(this.#dir, key);
    // The records the entry's documents are of: an earlier patch's, where it had one.
    const held = readTexts(from).map((text) => text.key);
    // Not complete while it changes: a build stopped halfway leaves nothing to reuse.
    rmSync(join(from, 'complete'));
    if (from !== entry) {
      rmSync(entry, { recursive: true, force: true });
      renameSync(from, entry);
    }
    // Every document of another record than before (a change reverted too) is replaced.
    texts.forEach((text, position) => {
      if (text.key !== held[position]) shareFile(join(docDir, `${start + position}.json.gz`), join(entry, 'doc', `${position}.json.gz`));
    });
    rmSync(join(entry, 'patch'), { recursive: true, force: true });
    shareTree(patchDir, join(entry, 'patch'));
    writeFileSync(join(entry, 'patch.json'), JSON.stringify(base.changed));
    writeTexts(entry, texts);
    writeFileSync(join(entry, 'complete'), '');
    this.#used.add(key);
  }

  /**
   * The key of the merged index of shards whose indexes were built from `baseKeys` (each
   * shard's records, in order) and start at the pages `bases`: what its chunks depend on.
   */
  mergedKey(shards: readonly { base: number; baseKeys: readonly string[] }[]): string {
    const hash = createHash('sha256').update(this.#code);
    for (const shard of shards) hash.update(`${shard.base}:${shard.baseKeys.join(',')};`);
    return `merged-${hash.digest('base64url').slice(0, 32)}`;
  }

  /** The records the Pagefind index of the cache entry `key` was built from, in order. */
  baseKeys(key: string): string[] {
    return JSON.parse(readFileSync(join(this.#dir, key, 'base-keys.json'), 'utf8')) as string[];
  }

  /** The merged index kept as `key` ({@link mergedKey}), or null. */
  merged(key: string): string | null {
    const entry = join(this.#dir, key);
    if (!existsSync(join(entry, 'complete'))) return null;
    this.#used.add(key);
    return join(entry, 'index');
  }

  /** Keeps the merged index in `dir` as `key`. */
  saveMerged(key: string, dir: string): void {
    const entry = join(this.#dir, key);
    rmSync(entry, { recursive: true, force: true });
    shareTree(dir, join(entry, 'index'));
    writeFileSync(join(entry, 'complete'), '');
    this.#used.add(key);
  }

  /** A folder of the cache for something else the index build keeps (`name`), kept by {@link prune}. */
  folder(name: string): string {
    this.#used.add(name);
    return join(this.#dir, name);
  }

  /** Removes every shard version this build did not use, so the cache stays the size of one index. */
  prune(): void {
    for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}
