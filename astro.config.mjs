// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { archiveConfig } from './src/lib/archive-config.ts';
import { validateContent } from './src/integrations/validate-content.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { securityHeadersFile } from './src/integrations/headers-file.ts';
import { recordJson } from './src/integrations/record-json.ts';
import { preparedOutput } from './src/integrations/prepared-output.ts';
import { keptSitemap } from './src/integrations/kept-sitemap.ts';
import { storeModule } from './src/integrations/store-module.ts';
import remarkNumberedSections from './src/remark/numbered-sections.ts';
import remarkArchiveLinks from './src/remark/archive-links.ts';
import remarkMdxAllowlist from './src/remark/mdx-allowlist.ts';
import remarkHtmlAsText from './src/remark/html-as-text.ts';
import rehypeSanitize from 'rehype-sanitize';
import { recordSanitizeSchema } from './src/rehype/sanitize-schema.ts';
import { loadReferenceIndex } from './src/lib/reference-index.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { astroCacheDir } from './src/lib/cache-dir.ts';
import { parseDocNumber } from './src/lib/doc-number.ts';
import { renderInputsDigest } from './src/lib/render-inputs.ts';

const settings = archiveConfig();
// Astro's incremental build keeps its page cache while the config fields it hashes are
// unchanged, and vite.define is one of them but, for example, vite.build.cssCodeSplit is
// not: a digest of this file in vite.define makes any change here start afresh, instead
// of copying pages that point at assets this build no longer writes.
const configDigest = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
// Read once per build (the documents' frontmatter only, and only of files changed since
// the last build): the titles and 文号 records may cite.
const referenceIndex = loadReferenceIndex(contentDir(), (text) => parseDocNumber(text)?.normalized ?? null, join(astroCacheDir(), 'reference-index.json'));
const references = () => referenceIndex;
// Part of the Markdown options Astro hashes: a changed link target or plugin clears
// Astro's cache of rendered records (src/lib/render-inputs.ts says why).
const linkOptions = { index: references, renderInputs: renderInputsDigest(import.meta.dirname, referenceIndex) };

export default defineConfig({
  site: settings.baseUrl,
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it in only on success.
  outDir: process.env.ARCHIVE_OUT_DIR || './dist',
  // Shared with the pages, which read the rendered record bodies kept there (src/lib/record-html.ts).
  cacheDir: astroCacheDir(),
  // Four pages at a time: with one, Astro's page generation waited on file writes for
  // about a fifth of its time (a CPU profile at 10,000 records: 19 s idle in 83 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // A strict Content Security Policy as a <meta> tag on every page: scripts and styles
  // only from this site (Astro hashes anything inline), no plugins, no framing of forms
  // elsewhere; no WebAssembly anywhere (search reads its index in JavaScript).
  // docs/security.md lists the same policy as HTTP headers for servers.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "worker-src 'self' blob:"],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  experimental: {
    // Pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from
    // the previous build of the same archive (its cache folder) instead of rendered.
    incrementalBuild: true,
  },
  // Every client script stays an external file (no inline <script>), ready for a strict CSP.
  vite: {
    define: { 'import.meta.env.ARCHIVE_CONFIG_DIGEST': JSON.stringify(configDigest) },
    // One style sheet for the whole site: a record page needs one render-blocking request
    // instead of two, and every later page finds it cached.
    // scripts/build.ts leaves the previous output's unchanged pages in the output folder
    // for Astro to keep (src/lib/output-staging.ts); a direct `astro build` empties it.
    build: { assetsInlineLimit: 0, cssCodeSplit: false, emptyOutDir: process.env.ARCHIVE_OUT_DIR_PREPARED !== '1' },
    // The search's look-up workers (src/search/lookup-worker.ts) are module workers: they
    // import Pagefind's script from the index at run time.
    worker: { format: 'es' },
  },
  markdown: {
    // Records hold no code; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    // Records are untrusted text: whatever HTML a .md record contains is sanitised.
    // smartypants off: it would turn the published "…" into “…”, changing the record's text.
    processor: unified({
      smartypants: false,
      remarkPlugins: [remarkHtmlAsText, remarkNumberedSections, [remarkArchiveLinks, linkOptions]],
      rehypePlugins: [[rehypeSanitize, recordSanitizeSchema]],
    }),
  },
  integrations: [
    validateContent(),
    // Astro's content store reaches the pages' code as one string literal that V8 is slow to compile.
    storeModule(),
    // First of the build:done hooks: the others read the output folder.
    preparedOutput(),
    mdx({ processor: unified({ smartypants: false, remarkPlugins: [remarkMdxAllowlist, remarkNumberedSections, [remarkArchiveLinks, linkOptions]] }) }),
    keptSitemap({ filter: (page) => !page.includes('/404') }),
    securityHeadersFile(),
    recordJson(),
    linkCheck(),
    pagefindIndex(),
  ],
});
