/**
 * Builds the archive's search index at the end of a site build (Node only).
 *
 * Records are numbered in the archive's order (newest first); consecutive years are
 * packed into shards of at most `maxShard` records, each a separate index under
 * /pagefind/<shard>/ in Pagefind's format, written by ./index-writer.ts from the token
 * stream of ./index-content.ts, with the archive's frequent pairs and triples (counted
 * first in a sample of its records, ./frequent-pairs.ts) extended: the words Pagefind's
 * indexer would write for the same records, in smaller chunks and with pages named by
 * record number (./pagefind-bundle.ts) and a compact chunk table (./chunk-table.ts), so
 * that a first search downloads less. Once every shard is done the shards' indexes are
 * merged into the one the browser reads, /pagefind/all/. Beside it, /search-data/ holds
 * what the browser needs and Pagefind does not keep: the manifest, one column per facet
 * and one small document per record for result cards and snippets. With a cache folder,
 * unchanged shards and unchanged records are reused from the previous build
 * (./shard-cache.ts), and a shard in which a few records changed keeps its index: the
 * changed records go into a small patch index (/pagefind/<shard>-patch/), and the
 * manifest tells the browser to ignore their stale pages in the shard's index
 * (./engine.ts). Shards are what separate jobs build (`onlyShards`) and what a rebuild
 * reuses or patches.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js/t2cn';
import { facetKeys, facets } from '../lib/facets.ts';
import { shareFile, shareTree } from '../lib/shared-files.ts';
import { kindLabel, recordDate, recordProposers, recordUnit, recordYear } from '../lib/record-facts.ts';
import { isReply, recordSchema, type ArchiveRecord } from '../schemas/index.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';
import { chooseFrequentTokens, samplePositions } from './frequent-pairs.ts';
import { indexContent, indexWords } from './index-content.ts';
import { pageId } from './page-ids.ts';
import { assignPageIds, mergeIndexes, writeIndexFolder } from './pagefind-bundle.ts';
import { simplifications } from './normalize.ts';
import { pagefindRuntime } from './pagefind-runtime.ts';
import { IndexWriter } from './index-writer.ts';
import { recordText, type RecordText } from './record-text.ts';
import { facetColumnPath, searchDocTexts, type FacetTable, type SearchDoc, type SearchManifest } from './data.ts';
import { needsSimplifying } from './traditional.ts';
import { indexCodeDigest, ShardCache, type CachedText, type PreparedText } from './shard-cache.ts';

/** Pagefind's language code for the token indexes: no stemmer, no segmenter. */
export const INDEX_LANGUAGE = 'x';

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
/**
 * Traditional → Simplified for record text. Text without a character that any rule
 * changes comes out unchanged, so most lines skip the converter (as queries do in the
 * browser): about a fifth of the time spent preparing a record's tokens.
 */
const toSimplified = (text: string) => (needsSimplifying(text) ? convert(text) : text);

interface Entry {
  file: string;
  /** Hash of the record file, for the shard cache. */
  hash: string;
  record: ArchiveRecord;
  date: string | null;
  year: number | null;
}

/** Options of {@link buildSearchIndex}. */
export interface BuildSearchIndexOptions {
  /** The archive folder (archive.yaml + records/). */
  contentDir: string;
  /** The built site. */
  outDir: string;
  /** Most records in one shard (one index folder). */
  maxShard?: number;
  /** Progress messages. */
  log?: (message: string) => void;
  /** Called after each shard with the shard's name and how long it took. */
  onShard?: (info: { name: string; records: number; seconds: number; cached: boolean }) => void;
  /**
   * A folder that keeps each shard's index from one build to the next (one folder per
   * archive): a shard whose records and indexing code are unchanged is copied from it
   * instead of indexed again. Without it every shard is indexed.
   */
  cacheDir?: string;
  /**
   * Build only these shards (by label, see {@link planSearchShards}) into the cache and stop:
   * one job per shard, on as many machines as there are shards, sharing `cacheDir`; a
   * last run without `onlyShards` then assembles the site's index from the cache.
   */
  onlyShards?: readonly string[];
}

/** What was built. */
export interface BuildSearchIndexResult {
  records: number;
  shards: number;
}

function loadEntries(contentDir: string): Entry[] {
  const entries: Entry[] = [];
  for (const file of listRecordFiles(join(contentDir, 'records'))) {
    const source = readFileSync(file, 'utf8');
    // The archive was validated before the build; a failure here is a bug, said plainly.
    const record = recordSchema.parse(readFrontmatter(source)?.data);
    entries.push({ file, hash: createHash('sha256').update(source).digest('base64url'), record, date: recordDate(record), year: recordYear(record) });
  }
  // The archive's own order (src/lib/archive.ts): newest first, then by id.
  entries.sort((a, b) => {
    const da = a.date ?? '';
    const db = b.date ?? '';
    return da < db ? 1 : da > db ? -1 : a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
  });
  return entries;
}

/**
 * The archive's frequent pairs and triples (./frequent-pairs.ts), counted in an even sample
 * of its records (in the archive's order), as the index lays them out without them; kept in
 * the cache for the next build while the sampled records stay the same.
 */
function chooseArchiveTokens(entries: readonly Entry[], cache: ShardCache | null): string[] {
  const sample = samplePositions(entries.length).map((i) => entries[i]!);
  const sampledTokens = () =>
    sample.map((entry) => {
      const prepared = recordText(entry.record, readFrontmatter(readFileSync(entry.file, 'utf8'))?.body ?? '');
      return indexWords(prepared, toSimplified);
    });
  const count = () => chooseFrequentTokens(sampledTokens());
  return cache ? cache.frequentTokens(sample.map((e) => e.hash), count) : count();
}

/** Splits the ordered records into shards: whole years where they fit, never more than `max`. */
export function planShards(years: (number | null)[], max: number): { start: number; end: number; label: string }[] {
  const shards: { start: number; end: number; label: string }[] = [];
  let start = 0;
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j < years.length && years[j] === years[i]) j++;
    // Close the current shard before a year that would overflow it.
    if (j - start > max && i > start) {
      shards.push({ start, end: i, label: '' });
      start = i;
    }
    while (j - start > max) {
      shards.push({ start, end: start + max, label: '' });
      start += max;
    }
    i = j;
  }
  if (start < years.length) shards.push({ start, end: years.length, label: '' });
  return shards.map((s, n) => {
    const first = years[s.start];
    const last = years[s.end - 1];
    return { ...s, label: `s${n}-${first ?? 'undated'}${last !== first ? `-${last ?? 'undated'}` : ''}` };
  });
}

function buildFacetTable(records: ArchiveRecord[]): FacetTable {
  const table = {} as FacetTable;
  for (const key of facetKeys) {
    const counts = new Map<string, number>();
    const perRecord = records.map((r) => [...new Set(facets[key].values(r).map((v) => v.label))]);
    for (const labels of perRecord) for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    const values = [...counts.keys()].sort((a, b) => (key === 'year' ? b.localeCompare(a) : counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'zh-CN')));
    const idOf = new Map(values.map((v, i) => [v, i]));
    const multi = perRecord.some((labels) => labels.length > 1);
    table[key] = multi
      ? { values, rows: perRecord.map((labels) => labels.map((l) => idOf.get(l)!)) }
      : { values, rows: perRecord.map((labels) => (labels.length ? idOf.get(labels[0])! : -1)) };
  }
  return table;
}

function searchDoc(record: ArchiveRecord, text: RecordText): SearchDoc {
  const doc: SearchDoc = {
    id: record.id,
    title: record.title,
    kind: kindLabel(record),
    unit: recordUnit(record),
    date: recordDate(record),
    proposers: recordProposers(record),
    ...(isReply(record) && record.proposalTitle ? { proposalTitle: record.proposalTitle } : {}),
    head: text.head,
    sections: text.sections.map((s) => ({ a: s.anchor, l: s.lines })),
  };
  const pairs = simplifications(searchDocTexts(doc), toSimplified);
  if (pairs.length) doc.s = pairs;
  return doc;
}

function gzipJson(path: string, value: unknown): void {
  writeFileSync(path, gzipSync(JSON.stringify(value), { level: 9 }));
}

/** Where the merged index of every shard is, from the site's root. */
const MERGED_INDEX = '/pagefind/all/';

function shardSize(maxShard: number | undefined): number {
  const size = maxShard ?? Number(process.env.ARCHIVE_SEARCH_SHARD_SIZE ?? 6000);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`ARCHIVE_SEARCH_SHARD_SIZE is "${process.env.ARCHIVE_SEARCH_SHARD_SIZE}"; expected a whole number of records per search shard, such as 6000 (the default: unset it).`);
  }
  return size;
}

/** The shards the index of the archive in `contentDir` is built in: label, years and record count. */
export function planSearchShards(contentDir: string, maxShard?: number): { label: string; records: number }[] {
  const entries = loadEntries(contentDir);
  return planShards(
    entries.map((e) => e.year),
    shardSize(maxShard),
  ).map((s) => ({ label: s.label, records: s.end - s.start }));
}

/** Builds /pagefind/<shard>/ and /search-data/ for the archive in `contentDir`. */
export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const log = options.log ?? (() => {});
  const maxShard = shardSize(options.maxShard);
  if (options.onlyShards && !options.cacheDir) throw new Error('Building only some shards needs a cache folder (--cache) to keep them in.');
  const entries = loadEntries(options.contentDir);
  const searchDir = join(options.outDir, 'search-data');
  const pagefindDir = join(options.outDir, 'pagefind');
  rmSync(searchDir, { recursive: true, force: true });
  rmSync(pagefindDir, { recursive: true, force: true });
  mkdirSync(join(searchDir, 'doc'), { recursive: true });

  const fullPlan = planShards(
    entries.map((e) => e.year),
    maxShard,
  );
  const only = options.onlyShards ? new Set(options.onlyShards) : null;
  const unknown = only ? [...only].filter((label) => !fullPlan.some((s) => s.label === label)) : [];
  if (unknown.length) throw new Error(`No search shard is named ${unknown.join(', ')}; this archive's shards are ${fullPlan.map((s) => s.label).join(', ')} (node scripts/index-search.ts --content DIR --plan lists them).`);
  const plan = only ? fullPlan.filter((s) => only.has(s.label)) : fullPlan;
  const listedShards: SearchManifest['shards'] = [];
  /** Each shard's cache entry, in manifest order. */
  const shardKeys: string[] = [];
  const cache = options.cacheDir ? new ShardCache(options.cacheDir, indexCodeDigest(join(import.meta.dirname, '..', '..'))) : null;
  const frequentTokens = chooseArchiveTokens(entries, cache);
  const frequent = new Set(frequentTokens);
  const runtime = await pagefindRuntime(INDEX_LANGUAGE, cache?.folder('pagefind-runtime'));

  /** Restores, patches or indexes one shard into the output (and the cache). */
  const buildShard = (shard: (typeof plan)[number], position: number): void => {
    const started = performance.now();
    const dir = join(pagefindDir, shard.label);
    const shardEntries = entries.slice(shard.start, shard.end);
    const recordKeys = cache ? shardEntries.map((e) => cache.recordKey(e.hash)) : [];
    const key = cache ? cache.shardKey(recordKeys) : '';
    const listed: SearchManifest['shards'][number] = { path: `/pagefind/${shard.label}/`, base: shard.start, count: shardEntries.length };
    listedShards[position] = listed;
    shardKeys[position] = key;
    const patchDir = join(pagefindDir, `${shard.label}-patch`);
    const patchPath = `/pagefind/${shard.label}-patch/`;
    const restored = cache?.restore(key, dir, patchDir, join(searchDir, 'doc'), shard.start);
    if (restored) {
      if (restored.patch) listed.patch = { path: patchPath, pages: restored.patch };
      const seconds = (performance.now() - started) / 1000;
      options.onShard?.({ name: shard.label, records: shardEntries.length, seconds, cached: true });
      log(`search shard ${shard.label}: ${shardEntries.length} records unchanged, reused in ${seconds.toFixed(1)} s`);
      return;
    }
    const previous = cache ? cache.previousTexts(shard.label) : new Map<string, CachedText>();
    // A few records changed: the shard's index stays, and they go into a patch index.
    const base = cache?.patchBase(shard.label, recordKeys) ?? null;
    const indexed = base ? new Set(base.changed) : null;
    const outDir = base ? patchDir : dir;
    const texts: PreparedText[] = [];
    const writer = new IndexWriter();
    let reused = 0;
    for (let local = 0; local < shardEntries.length; local++) {
      const entry = shardEntries[local]!;
      const docFile = join(searchDir, 'doc', `${shard.start + local}.json.gz`);
      const recordKey = recordKeys[local] ?? '';
      const before = previous.get(recordKey);
      let text: PreparedText;
      if (before) {
        // Unchanged since the last build of this shard: its prepared text and document.
        text = { key: recordKey, words: before.words, content: before.content };
        shareFile(before.docFile, docFile);
        reused++;
      } else {
        const prepared = recordText(entry.record, readFrontmatter(readFileSync(entry.file, 'utf8'))?.body ?? '');
        const { content, words } = indexContent(prepared, toSimplified, frequent);
        text = { key: recordKey, words, content };
        gzipJson(docFile, searchDoc(entry.record, prepared));
      }
      texts.push(text);
      if (indexed && !indexed.has(local)) continue;
      writer.addPage(text.content);
    }
    // Shards are merged into one index (below), which is chunked then; a patch index is served as it is.
    writeIndexFolder(outDir, INDEX_LANGUAGE, writer, runtime, { served: Boolean(base) });
    if (base && cache) {
      shareTree(cache.indexDir(base.key), dir);
      listed.patch = { path: patchPath, pages: base.changed };
      cache.savePatched(key, base, patchDir, join(searchDir, 'doc'), shard.start, texts);
    } else {
      cache?.save(key, shard.label, dir, join(searchDir, 'doc'), shard.start, texts);
    }
    const seconds = (performance.now() - started) / 1000;
    options.onShard?.({ name: shard.label, records: shardEntries.length, seconds, cached: false });
    if (base) log(`search shard ${shard.label}: ${shardEntries.length} records, ${base.changed.length} changed since its index was built, patched in ${seconds.toFixed(1)} s`);
    else log(`search shard ${shard.label}: ${shardEntries.length} records in ${seconds.toFixed(1)} s${reused ? ` (${reused} unchanged records' text reused)` : ''}`);
  };

  plan.forEach(buildShard);
  const manifest: SearchManifest = { version: 1, records: entries.length, shards: listedShards, indexes: [], docs: '/search-data/doc/', frequentTokens };
  // A job that built some shards only fills the cache; the assembling run writes the rest.
  if (only) return { records: plan.reduce((sum, s) => sum + s.end - s.start, 0), shards: plan.length };
  // Page ids are record numbers, which depend on the shards before: given in the site's
  // copy of each index, never in the cache.
  for (const listed of manifest.shards) {
    const stale = new Set(listed.patch?.pages);
    assignPageIds(
      join(options.outDir, listed.path),
      Array.from({ length: listed.count }, (_, local) => pageId(listed.base + local, stale.has(local))),
    );
    if (listed.patch) assignPageIds(join(options.outDir, listed.patch.path), listed.patch.pages.map((local) => pageId(listed.base + local)));
  }
  // The browser reads the shards as one index (./pagefind-bundle.ts mergeIndexes says
  // why), and the patches beside it; the shards themselves stay in the cache.
  if (manifest.shards.length) {
    const shardDirs = manifest.shards.map((s) => join(options.outDir, s.path));
    const mergeStarted = performance.now();
    // Its chunks depend only on the shards' own indexes, which patches leave alone: a
    // rebuild that patched or reused every shard takes them from the cache.
    const mergedKey = cache?.mergedKey(manifest.shards.map((s, i) => ({ base: s.base, baseKeys: cache.baseKeys(shardKeys[i]!) })));
    const chunksFrom = mergedKey ? cache!.merged(mergedKey) : null;
    const mergedDir = join(options.outDir, MERGED_INDEX);
    const merged = mergeIndexes(shardDirs, mergedDir, chunksFrom ? { chunksFrom } : {});
    if (mergedKey && !chunksFrom) cache!.saveMerged(mergedKey, mergedDir);
    log(`search index: ${shardDirs.length} shard(s) ${chunksFrom ? 'merged, their chunks reused,' : 'merged'} into one index of ${merged.chunks} chunks in ${((performance.now() - mergeStarted) / 1000).toFixed(1)} s`);
    for (const dir of shardDirs) rmSync(dir, { recursive: true });
    manifest.indexes = [{ path: MERGED_INDEX, count: entries.length }, ...manifest.shards.flatMap((s) => (s.patch ? [{ path: s.patch.path, count: s.patch.pages.length }] : []))];
  }
  const table = buildFacetTable(entries.map((e) => e.record));
  mkdirSync(join(searchDir, 'facets'));
  for (const key of facetKeys) gzipJson(join(options.outDir, facetColumnPath(key)), table[key]);
  writeFileSync(join(searchDir, 'manifest.json'), JSON.stringify(manifest));
  cache?.prune();
  return { records: entries.length, shards: plan.length };
}
