/**
 * Builds the archive's search index at the end of a site build (Node only).
 *
 * Records are numbered in the archive's order (newest first); consecutive years are
 * packed into shards of at most `maxShard` records, each a separate Pagefind index
 * under /pagefind/<shard>/, built by a fresh Pagefind process so that peak memory is
 * bounded by one shard. Pagefind receives custom records whose content is the token
 * stream of src/search/index-content.ts. Beside it, /search-data/ holds what the browser
 * needs and Pagefind does not keep: the manifest, a facet table and one small
 * document per record for result cards and snippets.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js/t2cn';
import * as pagefind from 'pagefind';
import { facetKeys, facets } from '../lib/facets.ts';
import { kindLabel, recordDate, recordProposers, recordUnit, recordYear } from '../lib/record-facts.ts';
import { isReply, recordSchema, type ArchiveRecord } from '../schemas/index.ts';
import { splitFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';
import { readPagefindMeta, withoutSignature } from './cbor.ts';
import { indexContent } from './index-content.ts';
import { recordText, type RecordText } from './record-text.ts';
import type { FacetTable, SearchDoc, SearchManifest } from './data.ts';
import { needsSimplifying } from './traditional.ts';

/** Pagefind's language code for the token indexes: no stemmer, no segmenter. */
export const INDEX_LANGUAGE = 'x';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

interface Entry {
  file: string;
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
  /** Most records in one Pagefind index. */
  maxShard?: number;
  /** Progress messages. */
  log?: (message: string) => void;
  /** Called after each shard with the shard's name and how long it took. */
  onShard?: (info: { name: string; records: number; seconds: number }) => void;
}

/** What was built. */
export interface BuildSearchIndexResult {
  records: number;
  shards: number;
}

function loadEntries(contentDir: string): Entry[] {
  const entries: Entry[] = [];
  for (const file of listRecordFiles(join(contentDir, 'records'))) {
    const split = splitFrontmatter(readFileSync(file, 'utf8'));
    // The archive was validated before the build; a failure here is a bug, said plainly.
    const record = recordSchema.parse(split.data);
    entries.push({ file, record, date: recordDate(record), year: recordYear(record) });
  }
  // The archive's own order (src/lib/archive.ts): newest first, then by id.
  entries.sort((a, b) => {
    const da = a.date ?? '';
    const db = b.date ?? '';
    return da < db ? 1 : da > db ? -1 : a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
  });
  return entries;
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
  const all = [...text.head, ...text.sections.flatMap((s) => s.lines)].join('\n');
  return {
    id: record.id,
    title: record.title,
    kind: kindLabel(record),
    unit: recordUnit(record),
    date: recordDate(record),
    proposers: recordProposers(record),
    ...(isReply(record) && record.proposalTitle ? { proposalTitle: record.proposalTitle } : {}),
    head: text.head,
    sections: text.sections.map((s) => ({ a: s.anchor, l: s.lines })),
    ...(needsSimplifying(all) ? { t: 1 as const } : {}),
  };
}

function gzipJson(path: string, value: unknown): void {
  writeFileSync(path, gzipSync(JSON.stringify(value), { level: 9 }));
}

/** Files of a Pagefind bundle that the archive's own search page never loads. */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Builds /pagefind/<shard>/ and /search-data/ for the archive in `contentDir`. */
export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const log = options.log ?? (() => {});
  const maxShard = options.maxShard ?? Number(process.env.ARCHIVE_SEARCH_SHARD_SIZE ?? 6000);
  if (!Number.isInteger(maxShard) || maxShard < 1) {
    throw new Error(`ARCHIVE_SEARCH_SHARD_SIZE is "${process.env.ARCHIVE_SEARCH_SHARD_SIZE}"; expected a whole number of records per search shard, such as 6000 (the default: unset it).`);
  }
  const entries = loadEntries(options.contentDir);
  const searchDir = join(options.outDir, 'search-data');
  const pagefindDir = join(options.outDir, 'pagefind');
  rmSync(searchDir, { recursive: true, force: true });
  rmSync(pagefindDir, { recursive: true, force: true });
  mkdirSync(join(searchDir, 'doc'), { recursive: true });

  const plan = planShards(
    entries.map((e) => e.year),
    maxShard,
  );
  const manifest: SearchManifest = { version: 1, records: entries.length, shards: [], docs: '/search-data/doc/' };
  for (const shard of plan) {
    const started = performance.now();
    const dir = join(pagefindDir, shard.label);
    const words: number[] = [];
    const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      // One record in flight: the next record's text is prepared while Pagefind takes the
      // previous one, and records still arrive in order (Pagefind numbers pages that way).
      let pending: Promise<{ errors: string[] }> | null = null;
      let pendingFile = '';
      for (let ordinal = shard.start; ordinal < shard.end; ordinal++) {
        const entry = entries[ordinal]!;
        const split = splitFrontmatter(readFileSync(entry.file, 'utf8'));
        const text = recordText(entry.record, split.body);
        const { content, words: count } = indexContent(text, toSimplified);
        words.push(count);
        gzipJson(join(searchDir, 'doc', `${ordinal}.json.gz`), searchDoc(entry.record, text));
        if (pending) await checkAdded(pending, pendingFile);
        pending = index.addCustomRecord({ url: `/records/${entry.record.id}/`, content, language: INDEX_LANGUAGE });
        pendingFile = entry.file;
      }
      if (pending) await checkAdded(pending, pendingFile);
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind could not write ${dir}: ${written.errors.join('; ')}`);
    } finally {
      // A fresh Pagefind process per shard: its memory is returned before the next one.
      await pagefind.close();
    }
    verifyPageOrder(dir, entries.slice(shard.start, shard.end), words);
    for (const name of readdirSync(dir)) if (UNUSED_BUNDLE_FILES.test(name)) rmSync(join(dir, name));
    // Result cards come from /search-data/doc/; Pagefind's own fragments (the token stream) are never loaded.
    rmSync(join(dir, 'fragment'), { recursive: true, force: true });
    manifest.shards.push({ path: `/pagefind/${shard.label}/`, base: shard.start, count: shard.end - shard.start });
    const seconds = (performance.now() - started) / 1000;
    options.onShard?.({ name: shard.label, records: shard.end - shard.start, seconds });
    log(`search shard ${shard.label}: ${shard.end - shard.start} records in ${seconds.toFixed(1)} s`);
  }
  gzipJson(join(searchDir, 'facets.json.gz'), buildFacetTable(entries.map((e) => e.record)));
  writeFileSync(join(searchDir, 'manifest.json'), JSON.stringify(manifest));
  return { records: entries.length, shards: plan.length };
}

async function checkAdded(pending: Promise<{ errors: string[] }>, file: string): Promise<void> {
  const added = await pending;
  if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
}

/**
 * The browser maps Pagefind's page numbers to records by order. Pagefind numbers pages
 * in the order they were added; this checks it on every build, so a Pagefind change
 * fails the build instead of mislabelling results.
 */
function verifyPageOrder(dir: string, entries: Entry[], words: number[]): void {
  const metaFile = readdirSync(dir).find((f) => f.endsWith('.pf_meta'));
  if (!metaFile) throw new Error(`Pagefind wrote no pf_meta in ${dir}`);
  const meta = readPagefindMeta(withoutSignature(gunzipSync(readFileSync(join(dir, metaFile)))));
  if (meta.pages.length !== entries.length) throw new Error(`Pagefind indexed ${meta.pages.length} of ${entries.length} records in ${dir}; every record must have searchable text.`);
  const sample = new Set([0, entries.length - 1, Math.floor(entries.length / 2)]);
  for (let i = 0; i < meta.pages.length; i++) {
    if (meta.pages[i]!.wordCount !== words[i]) throw new Error(`Pagefind page ${i} in ${dir} has ${meta.pages[i]!.wordCount} words, expected ${words[i]} (${entries[i]!.record.id}): page order no longer follows insertion order.`);
    if (!sample.has(i)) continue;
    const fragment = JSON.parse(new TextDecoder().decode(withoutSignature(gunzipSync(readFileSync(join(dir, 'fragment', `${meta.pages[i]!.hash}.pf_fragment`)))))) as { url: string };
    if (fragment.url !== `/records/${entries[i]!.record.id}/`) throw new Error(`Pagefind page ${i} in ${dir} is ${fragment.url}, expected /records/${entries[i]!.record.id}/.`);
  }
}
