import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { filesUnder } from '../lib/files-under.ts';
import { checkedSiteFile, saveCheckedSite, trustedPages } from '../lib/link-check-cache.ts';
import { hashSources } from '../lib/source-digest.ts';

/** One internal link that points nowhere. */
export interface BrokenLink {
  /** The page, as a site path (/records/x/). */
  page: string;
  /** The link as written. */
  link: string;
}

// href="…" and src="…" (and id="…"), counted only inside tags: text such as
// `&lt;img src="x"&gt;` shown on a page is not a link. Scanning for the attribute and
// checking that the nearest "<" before it is nearer than the nearest ">" is several times
// faster than matching every tag, which matters at 100,000 pages.
const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

// Pages are read as latin1, one byte per character: decoding UTF-8 (mostly Chinese
// text, three bytes a character) took more than half of reading 100,000 pages, and
// every byte the patterns above look for is ASCII. A value holding other bytes is
// decoded as UTF-8 on its own.
const toText = (value: string) => (/[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value);

function* attributes(html: string, pattern: RegExp): Generator<string> {
  for (const match of html.matchAll(pattern)) {
    const at = match.index!;
    if (html.lastIndexOf('<', at) > html.lastIndexOf('>', at)) yield toText(match[1]!);
  }
}

/** What {@link findBrokenLinks} read. */
export interface LinkCheckStats {
  /** HTML pages in the site. */
  pages: number;
  /** Pages whose links were read (the others were unchanged since the last passing check). */
  read: number;
}

/**
 * Finds internal links and assets in a built site that do not exist: every href and
 * src in every HTML page that points into the site, and every same-page #anchor.
 * Link checkers on npm check over HTTP; this one reads the output folder directly,
 * which is what a build step needs (no server, no network, 100k pages in one pass).
 *
 * With `cache` (src/lib/link-check-cache.ts), a page that has the size and time it had
 * in the last check that found nothing broken is not read again, as long as no file of
 * that site has disappeared: its links still point at files that exist. A rebuild
 * after one correction then reads the few pages it wrote instead of all of them (at
 * 100,000 records: 6 s instead of 28 s of CPU). When the check passes, `cache` is
 * updated; a failed check leaves it as it was.
 */
export function findBrokenLinks(outDir: string, options: { cache?: { file: string; code: string }; stats?: LinkCheckStats } = {}): BrokenLink[] {
  const files = filesUnder(outDir, '/');
  const existing = new Set(files);
  const trusted = options.cache ? trustedPages(options.cache.file, options.cache.code, (path) => existing.has(path)) : new Map<string, string>();
  const keys: Record<string, string> = {};
  const broken: BrokenLink[] = [];
  let pages = 0;
  let read = 0;
  // Most links are absolute and shared by thousands of pages (/units/…/, /_astro/…): decide each once.
  const absolute = new Map<string, boolean>();
  for (const path of files) {
    if (!path.endsWith('.html')) continue;
    pages++;
    const file = join(outDir, path);
    if (options.cache) {
      const stat = statSync(file, { bigint: true });
      const key = `${stat.size}:${stat.mtimeNs}`;
      keys[path] = key;
      if (trusted.get(path) === key) continue;
    }
    read++;
    const html = readFileSync(file, 'latin1');
    const page = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
    let ids: Set<string> | undefined;
    for (const raw of attributes(html, ATTRIBUTE)) {
      const link = raw.replaceAll('&amp;', '&');
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link) || link === '') continue;
      const [target, fragment] = link.split('#', 2) as [string, string | undefined];
      if (target === '' || target.startsWith('?')) {
        if (fragment) {
          ids ??= new Set(attributes(html, ID));
          if (!ids.has(decodeURIComponent(fragment))) broken.push({ page, link });
        }
        continue;
      }
      const known = target.startsWith('/') ? absolute.get(target) : undefined;
      if (known !== undefined) {
        if (!known) broken.push({ page, link });
        continue;
      }
      let resolved: string;
      try {
        resolved = decodeURIComponent(posix.resolve(page.endsWith('/') ? page : posix.dirname(page), target.split('?')[0]!));
      } catch {
        broken.push({ page, link });
        continue;
      }
      const ok = target.split('?')[0]!.endsWith('/') ? existing.has(`${resolved.replace(/\/$/, '')}/index.html`) : existing.has(resolved);
      if (target.startsWith('/')) absolute.set(target, ok);
      if (!ok) broken.push({ page, link });
    }
  }
  if (options.cache && broken.length === 0) saveCheckedSite(options.cache.file, { code: options.cache.code, files, pages: keys });
  if (options.stats) Object.assign(options.stats, { pages, read });
  return broken;
}

/** Fails the build when any internal link or asset is missing, listing page and link. */
export function linkCheck(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'archive:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const code = createHash('sha256');
        hashSources(code, root, ['src/integrations/link-check.ts', 'src/lib/link-check-cache.ts']);
        const stats: LinkCheckStats = { pages: 0, read: 0 };
        const broken = findBrokenLinks(outDir, { cache: { file: checkedSiteFile(astroCacheDir(), outDir), code: code.digest('base64url') }, stats });
        if (broken.length) {
          const lines = broken.slice(0, 200).map((b) => `  ${b.page} → ${b.link}`);
          if (broken.length > 200) lines.push(`  … and ${broken.length - 200} more`);
          throw new Error(`${broken.length} broken internal link(s); fix the records or templates that produce them:\n${lines.join('\n')}`);
        }
        logger.info(`every internal link and asset exists (${stats.read === stats.pages ? `${stats.pages} pages read` : `${stats.read} of ${stats.pages} pages read, the others unchanged since the last check`})`);
      },
    },
  };
}
