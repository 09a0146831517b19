/**
 * The whole pipeline at archive scale, on this machine:
 *
 *   npm run bench -- --records 10000 [--out DIR] [--seed S]
 *
 * 1. generates N records (scripts/corpus) and writes each as a raw portal page;
 * 2. imports the pages (the importer CLI, as an operator runs it);
 * 3. builds the site from the imported records, cold (no cache from an earlier build);
 * 4. changes one record's text and builds again (what a correction costs), then another
 *    record's, twice: the first rebuild after a cold build starts from Astro's cache
 *    copies of the cold build's pages, every later one from the output before last,
 *    which the first such rebuild compares byte for byte and later ones by size and
 *    time (src/lib/output-staging.ts);
 * and prints wall time, CPU time and peak memory of every step (the build's two parallel parts,
 * Astro and the search index, separately), dist size, index size and the transfer size
 * of record pages (HTML + CSS, gzip).
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeArchiveSettings } from '../corpus/generate.ts';
import { rawPage } from '../corpus/raw-page.ts';
import { generateCorpus } from '../corpus/records.ts';
import { duBytes, runMeasured, type Measured } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { records: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.records);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench -- --records N [--out DIR] [--seed S]');
  process.exit(2);
}
const work = resolve(values.out ?? join(root, '.tmp', `bench-${count}`));
const pages = join(work, 'pages');
const archive = join(work, 'archive');
const dist = join(work, 'dist');
const cache = join(work, 'cache');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const secs = (s: number) => `${s.toFixed(1)} s`;
const log = (message: string) => console.error(`[bench] ${message}`);

/** The two parallel parts of a build, as scripts/build.ts and its children report them. */
function buildParts(run: Measured) {
  // Astro prints 850ms, 12.34s or 2m 5s.
  const astro = /page\(s\) built in (?:(\d+)m\s*)?(?:([\d.]+)s|(\d+)ms)/.exec(run.output);
  const index = /Search index: \d+ records in (\d+) shard\(s\), ([\d.]+) s/.exec(run.output);
  const reused = (run.output.match(/records unchanged, reused/g) ?? []).length;
  // src/integrations/link-check.ts: "(N pages read)" or "(N of M pages read, …)".
  const links = /every internal link and asset exists \((\d+)(?: of \d+)? pages read/.exec(run.output);
  return {
    linksRead: links ? Number(links[1]) : NaN,
    astroSeconds: astro ? Number(astro[1] ?? 0) * 60 + Number(astro[2] ?? 0) + Number(astro[3] ?? 0) / 1000 : NaN,
    indexSeconds: index ? Number(index[2]) : NaN,
    shards: index ? Number(index[1]) : NaN,
    reusedShards: reused,
    astroPeak: run.peakByStep['astro.mjs'] ?? NaN,
    indexPeak: run.peakByStep['index-search.ts'] ?? NaN,
    astroCpu: run.cpuByStep['astro.mjs'] ?? NaN,
    indexCpu: run.cpuByStep['index-search.ts'] ?? NaN,
  };
}

async function build(label: string): Promise<Measured> {
  log(`${label}…`);
  const run = await runMeasured(process.execPath, [join(root, 'scripts/build.ts')], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: dist, ARCHIVE_CACHE_DIR: cache },
  });
  if (run.status !== 0) {
    console.error(run.output.slice(-4000));
    throw new Error(`${label} failed (exit ${run.status})`);
  }
  return run;
}

/** HTML + CSS of a page as a browser transfers it (gzip), bytes. */
function transferSize(html: string): number {
  let total = gzipSync(html).length;
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) total += gzipSync(readFileSync(join(dist, href!))).length;
  return total;
}

function listFiles(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(test).map((f) => join(dir, f));
}

// 1. Raw pages.
rmSync(work, { recursive: true, force: true });
mkdirSync(pages, { recursive: true });
const started = performance.now();
let pageBytes = 0;
let n = 0;
for (const record of generateCorpus({ seed: Number(values.seed), count })) {
  const text = rawPage(record);
  pageBytes += Buffer.byteLength(text);
  // Folders of 1,000 pages, as a crawl would save them.
  if (n % 1000 === 0) mkdirSync(join(pages, String(n / 1000).padStart(3, '0')));
  writeFileSync(join(pages, String(Math.floor(n / 1000)).padStart(3, '0'), `${String(n).padStart(6, '0')}.txt`), text);
  n++;
}
const generateSeconds = (performance.now() - started) / 1000;
log(`wrote ${count} raw pages (${mb(pageBytes)}) in ${secs(generateSeconds)}`);

// 2. Import.
mkdirSync(archive, { recursive: true });
writeArchiveSettings(archive, count);
log('importing…');
const imported = await runMeasured(process.execPath, [join(root, 'scripts/import/cli.ts'), pages, '--out', join(archive, 'records')]);
const written = Number(/records written: (\d+)/.exec(imported.output)?.[1] ?? NaN);
const rejected = Number(/pages rejected: (\d+)/.exec(imported.output)?.[1] ?? 0);
if (!(written > 0)) {
  console.error(imported.output.slice(-4000));
  throw new Error('the import wrote no records');
}
log(`imported ${written} records (${rejected} pages rejected) in ${secs(imported.seconds)}`);

// 3. Cold build; 4. one record changed, built again.
const cold = await build('cold build');
const records = listFiles(join(archive, 'records'), (f) => f.endsWith('.md')).sort();
const changed = records[Math.floor(records.length / 2)]!;
appendFileSync(changed, '\n（本段为基准测试追加的更正说明。）\n');
const rebuild = await build(`rebuild after changing ${changed.slice(archive.length + 1)}`);
const shows = (file: string) => readFileSync(join(dist, 'records', readFileSync(file, 'utf8').match(/^id:\s*['"]?([\w-]+)/m)![1]!, 'index.html'), 'utf8').includes('基准测试追加的更正说明');
if (!shows(changed)) throw new Error('the rebuilt site does not show the changed record');
// Two more corrections: the first rebuild from the kept output compares its pages byte
// for byte (the rebuild before wrote them all anew), the next one by size and time only.
const later: Measured[] = [];
for (const [n, position] of [0.25, 0.75].entries()) {
  const file = records[Math.floor(records.length * position)]!;
  appendFileSync(file, '\n（本段为基准测试追加的更正说明。）\n');
  later.push(await build(`rebuild after changing ${file.slice(archive.length + 1)}`));
  if (!shows(file) || !shows(changed)) throw new Error(`the site rebuilt ${n + 2} times does not show every changed record`);
}
const [rebuildAgain, rebuildSteady] = later as [Measured, Measured];

// Sizes.
const recordPages = listFiles(join(dist, 'records'), (f) => /^[^/]+\/index\.html$/.test(f));
const sample = Array.from({ length: Math.min(200, recordPages.length) }, (_, i) => recordPages[Math.floor((i * recordPages.length) / Math.min(200, recordPages.length))]!);
const sizes = sample.map((file) => transferSize(readFileSync(file, 'utf8'))).sort((a, b) => a - b);
const htmlCount = listFiles(dist, (f) => f.endsWith('.html')).length;
const distBytes = duBytes(dist);
const indexBytes = duBytes(join(dist, 'pagefind')) + duBytes(join(dist, 'search-data'));

const c = buildParts(cold);
const r = buildParts(rebuild);
const r2 = buildParts(rebuildAgain);
const r3 = buildParts(rebuildSteady);
const share = (run: Measured) => `(${((run.seconds / cold.seconds) * 100).toFixed(0)} % of cold) | ${cpu(run)} (${((run.cpuSeconds / cold.cpuSeconds) * 100).toFixed(0)} %)`;
const peak = (run: Measured) => `${run.peakMb.toFixed(0)} MB`;
const cpu = (run: Measured) => secs(run.cpuSeconds);
const lines = [
  `## Pipeline benchmark: ${count} generated records (seed ${values.seed}), ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| step | wall time | CPU time | peak memory |',
  '| --- | --- | --- | --- |',
  `| write ${count} raw portal pages (${mb(pageBytes)}) | ${secs(generateSeconds)} | – | – |`,
  `| import: ${written} records written, ${rejected} pages rejected | ${secs(imported.seconds)} | ${cpu(imported)} | ${peak(imported)} |`,
  `| **cold build** (check, then pages ∥ index) | **${secs(cold.seconds)}** | ${cpu(cold)} | ${peak(cold)} (whole tree) |`,
  `| · pages (Astro): ${htmlCount} HTML pages, links of ${c.linksRead} read | ${secs(c.astroSeconds)} | ${secs(c.astroCpu)} | ${c.astroPeak.toFixed(0)} MB |`,
  `| · search index: ${c.shards} shard(s) | ${secs(c.indexSeconds)} | ${secs(c.indexCpu)} | ${c.indexPeak.toFixed(0)} MB |`,
  `| **import + cold build** | **${secs(imported.seconds + cold.seconds)}** | ${secs(imported.cpuSeconds + cold.cpuSeconds)} | ${Math.max(imported.peakMb, cold.peakMb).toFixed(0)} MB |`,
  `| **rebuild after one record changed**, the first after the cold build (from Astro's cache copies of its pages) | **${secs(rebuild.seconds)}** ${share(rebuild)} | ${peak(rebuild)} |`,
  `| · pages (Astro), unchanged pages kept in place, links of ${r.linksRead} page(s) read | ${secs(r.astroSeconds)} | ${secs(r.astroCpu)} | ${r.astroPeak.toFixed(0)} MB |`,
  `| · search index, ${r.reusedShards} of ${r.shards} shard(s) reused | ${secs(r.indexSeconds)} | ${secs(r.indexCpu)} | ${r.indexPeak.toFixed(0)} MB |`,
  `| **rebuild after another record changed**, from the cold build's output (its pages compared byte for byte) | **${secs(rebuildAgain.seconds)}** ${share(rebuildAgain)} | ${peak(rebuildAgain)} |`,
  `| · pages (Astro), unchanged pages kept in place, links of ${r2.linksRead} page(s) read | ${secs(r2.astroSeconds)} | ${secs(r2.astroCpu)} | ${r2.astroPeak.toFixed(0)} MB |`,
  `| · search index, ${r2.reusedShards} of ${r2.shards} shard(s) reused | ${secs(r2.indexSeconds)} | ${secs(r2.indexCpu)} | ${r2.indexPeak.toFixed(0)} MB |`,
  `| **rebuild after a third record changed**, from the previous output (compared by size and time): every later rebuild | **${secs(rebuildSteady.seconds)}** ${share(rebuildSteady)} | ${peak(rebuildSteady)} |`,
  `| · pages (Astro), unchanged pages kept in place, links of ${r3.linksRead} page(s) read | ${secs(r3.astroSeconds)} | ${secs(r3.astroCpu)} | ${r3.astroPeak.toFixed(0)} MB |`,
  `| · search index, ${r3.reusedShards} of ${r3.shards} shard(s) reused | ${secs(r3.indexSeconds)} | ${secs(r3.indexCpu)} | ${r3.indexPeak.toFixed(0)} MB |`,
  '',
  `CPU time the host took from this 2-core machine (steal): ${secs(cold.stealSeconds)} during the cold build, ${[rebuild, rebuildAgain, rebuildSteady].map((run) => secs(run.stealSeconds)).join(', ')} during the rebuilds`,
  `dist: ${mb(distBytes)} in ${htmlCount} HTML pages; search index ${mb(indexBytes)} (of which word index ${mb(duBytes(join(dist, 'pagefind')))})`,
  `record page, HTML + CSS gzip, over ${sizes.length} pages: median ${(sizes[Math.floor(sizes.length / 2)]! / 1024).toFixed(1)} KB, largest ${(sizes[sizes.length - 1]! / 1024).toFixed(1)} KB`,
];
console.log(lines.join('\n'));
