import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One internal link that points nowhere. */
export interface BrokenLink {
  /** The page, as a site path (/records/x/). */
  page: string;
  /** The link as written. */
  link: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// href="…" and src="…" (and id="…"), counted only inside tags: text such as
// `&lt;img src="x"&gt;` shown on a page is not a link. Scanning for the attribute and
// checking that the nearest "<" before it is nearer than the nearest ">" is several times
// faster than matching every tag, which matters at 100,000 pages.
const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function* attributes(html: string, pattern: RegExp): Generator<string> {
  for (const match of html.matchAll(pattern)) {
    const at = match.index!;
    if (html.lastIndexOf('<', at) > html.lastIndexOf('>', at)) yield match[1]!;
  }
}

/**
 * Finds internal links and assets in a built site that do not exist: every href and
 * src in every HTML page that points into the site, and every same-page #anchor.
 * Link checkers on npm check over HTTP; this one reads the output folder directly,
 * which is what a build step needs (no server, no network, 100k pages in one pass).
 */
export function findBrokenLinks(outDir: string): BrokenLink[] {
  const files = walk(outDir);
  const existing = new Set(files.map((f) => `/${relative(outDir, f).split(sep).join('/')}`));
  const broken: BrokenLink[] = [];
  // Most links are absolute and shared by thousands of pages (/units/…/, /_astro/…): decide each once.
  const absolute = new Map<string, boolean>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(file, 'utf8');
    const path = `/${relative(outDir, file).split(sep).join('/')}`;
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
  return broken;
}

/** Fails the build when any internal link or asset is missing, listing page and link. */
export function linkCheck(): AstroIntegration {
  return {
    name: 'archive:link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = findBrokenLinks(fileURLToPath(dir));
        if (broken.length) {
          const lines = broken.slice(0, 200).map((b) => `  ${b.page} → ${b.link}`);
          if (broken.length > 200) lines.push(`  … and ${broken.length - 200} more`);
          throw new Error(`${broken.length} broken internal link(s); fix the records or templates that produce them:\n${lines.join('\n')}`);
        }
        logger.info('every internal link and asset exists');
      },
    },
  };
}
