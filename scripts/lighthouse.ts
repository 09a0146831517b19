/**
 * Lighthouse audit of a built archive in Debian's Chromium (CHROME_PATH, default
 * /usr/bin/chromium): the first record page, the first page of the largest unit's list
 * and the search page with results. Accessibility must score 100 on all three and
 * performance 100 on the record and list pages (Lighthouse's default mobile profile:
 * simulated slow 4G and a 4× slower CPU); the search page's performance is printed too.
 * Prints each score and every failing audit; exits 1 if any required score is below 100.
 *
 * Usage: npm run lighthouse [-- --dir dist --record <id> --query 答复 --port 4398 | --base <url>]
 * Build first (npm run build); this script only serves and audits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveBuiltSite } from './lib/served-site.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.ARCHIVE_DIST_DIR || 'dist' },
    query: { type: 'string', default: '答复' },
    port: { type: 'string', default: '4398' },
    record: { type: 'string' },
    base: { type: 'string' },
  },
});
const dir = resolve(values.dir!);
// --base audits a server that is already running (the site must still be built in --dir).
const base = values.base?.replace(/\/$/, '') ?? `http://127.0.0.1:${values.port}`;

/** The path of the record page to audit: --record, or the first in the built site. */
function firstRecordPath(): string {
  if (values.record) return `/records/${encodeURIComponent(values.record)}/`;
  const records = resolve(dir, 'records');
  const first = existsSync(records) ? readdirSync(records).sort().find((name) => existsSync(resolve(records, name, 'index.html'))) : undefined;
  if (!first) throw new Error(`${dir} has no record pages: build the archive first (npm run build).`);
  return `/records/${encodeURIComponent(first)}/`;
}

/** The first list page of the unit with the most records (the first entry of /units/). */
function largestListPath(): string {
  const index = resolve(dir, 'units', 'index.html');
  const href = existsSync(index) ? /href="(\/units\/[^"/]+\/)"/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
  if (!href) throw new Error(`${dir} has no unit list pages: build the archive first (npm run build).`);
  return href;
}

type Category = 'accessibility' | 'performance';
const pages: { name: string; path: string; required: Category[] }[] = [
  { name: 'record page', path: firstRecordPath(), required: ['accessibility', 'performance'] },
  { name: 'list page', path: largestListPath(), required: ['accessibility', 'performance'] },
  { name: 'search page', path: `/search/?q=${encodeURIComponent(values.query!)}`, required: ['accessibility'] },
];
const stop = values.base ? () => {} : await serveBuiltSite(dir, values.port!);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
});
let failed = false;
try {
  for (const { name, path, required } of pages) {
    const result = await lighthouse(`${base}${path}`, { port: chrome.port, onlyCategories: ['accessibility', 'performance'], logLevel: 'error', output: 'json' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`);
    // The search page renders its results with JavaScript: count the result cards' data it
    // fetched, so a score measured on an empty page is not mistaken for the real thing.
    const fragments = new Set((JSON.stringify(result.artifacts) ?? '').match(/\/search-data\/doc\/\d+\.json\.gz/g) ?? []).size;
    const searching = path.startsWith('/search/');
    const scores = (['accessibility', 'performance'] as const).map((key) => `${key} ${Math.round((result.lhr.categories[key]!.score ?? 0) * 100)}`);
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => `${id.replace(/-/g, ' ')} ${result.lhr.audits[id]?.displayValue ?? '?'}`);
    console.log(`${name} ${path}: ${scores.join(', ')}${searching ? ` (${fragments} results loaded)` : ''}\n  ${metrics.join('; ')}`);
    if (searching && fragments === 0) failed = true;
    for (const key of required) {
      const category = result.lhr.categories[key]!;
      for (const ref of category.auditRefs) {
        const audit = result.lhr.audits[ref.id]!;
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ✖ ${key}: ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
      if (Math.round((category.score ?? 0) * 100) < 100) failed = true;
    }
  }
} finally {
  chrome.kill();
  stop();
}
process.exit(failed ? 1 : 0);
