import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration, HookParameters as HookParams, IntegrationResolvedRoute } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { shareFile } from '../lib/shared-files.ts';
import { writeWhole } from '../lib/write-whole.ts';

const sitemapVersion = (createRequire(import.meta.url)('@astrojs/sitemap/package.json') as { version: string }).version;

/** The sitemap files of the last build, and what they were made from. */
interface Saved {
  digest: string;
  files: string[];
}

/**
 * @astrojs/sitemap, which keeps the sitemap of the last build when the site's page list
 * is the same: a rebuild after a correction (the usual one) then links the previous
 * files into the output instead of writing them again.
 *
 * Why: the sitemap lists every page, and the integration builds it from scratch at
 * every build (0.4 s of CPU at 10,000 records, 4 s at 100,000), though a corrected
 * record changes no page address. It gets its input only from Astro (the pages, the
 * routes, the config) and its options, so a digest of those, with its version, says
 * whether it would write the same files. They are kept in the build cache as hard
 * links to the output's (src/lib/shared-files.ts): neither is ever written in place,
 * since the integration writes new files into an output folder that holds none
 * (src/lib/output-staging.ts removes them) and the cache's are replaced by new links.
 */
export function keptSitemap(options: NonNullable<SitemapOptions>, cacheDir: string = astroCacheDir()): AstroIntegration {
  const base = sitemap(options);
  const folder = join(cacheDir, 'sitemap');
  const savedFile = join(folder, 'sitemap.json');
  let config: AstroConfig | undefined;
  let routes: IntegrationResolvedRoute[] = [];
  return {
    ...base,
    hooks: {
      ...base.hooks,
      'astro:config:done': (params: HookParams<'astro:config:done'>) => {
        config = params.config;
        return base.hooks['astro:config:done']?.(params);
      },
      'astro:routes:resolved': (params: HookParams<'astro:routes:resolved'>) => {
        routes = params.routes;
        return base.hooks['astro:routes:resolved']?.(params);
      },
      'astro:build:done': async (params: HookParams<'astro:build:done'>) => {
        const out = fileURLToPath(params.dir);
        const digest = createHash('sha256')
          .update(
            JSON.stringify({
              sitemapVersion,
              // Its options, functions by their source.
              options: JSON.stringify(options, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value)),
              site: config?.site,
              base: config?.base,
              trailingSlash: config?.trailingSlash,
              format: config?.build.format,
              routes: routes.map((route) => [route.type, route.pattern, route.pathname, (route.fallbackRoutes ?? []).map((fallback) => fallback.pathname)]),
              // In the order they were built, which varies with Astro's concurrency: sorted.
              pages: params.pages.map((page) => page.pathname).sort(),
            }),
          )
          .digest('base64url');
        let saved: Saved | undefined;
        try {
          saved = JSON.parse(readFileSync(savedFile, 'utf8')) as Saved;
        } catch {
          // None yet.
        }
        if (saved?.digest === digest && saved.files.length > 0 && saved.files.every((file) => existsSync(join(folder, file)))) {
          for (const file of saved.files) shareFile(join(folder, file), join(out, file));
          params.logger.info(`the site's pages are the ones of the last build: its ${saved.files.length} sitemap file(s) kept`);
          return;
        }
        await base.hooks['astro:build:done']?.(params);
        // What it writes: <filenameBase>-index.xml and <filenameBase>-<n>.xml.
        const prefix = `${options.filenameBase ?? 'sitemap'}-`;
        const files = readdirSync(out).filter((file) => file.startsWith(prefix) && file.endsWith('.xml'));
        rmSync(folder, { recursive: true, force: true });
        mkdirSync(folder, { recursive: true });
        for (const file of files) shareFile(join(out, file), join(folder, file));
        writeWhole(savedFile, JSON.stringify({ digest, files } satisfies Saved));
      },
    },
  };
}
