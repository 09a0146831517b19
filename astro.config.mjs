// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { archiveConfig } from './src/lib/archive-config.ts';
import { validateContent } from './src/integrations/validate-content.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

const settings = archiveConfig();

export default defineConfig({
  site: settings.baseUrl,
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it in only on success.
  outDir: process.env.ARCHIVE_OUT_DIR || './dist',
  cacheDir: process.env.ARCHIVE_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({ remarkPlugins: [], rehypePlugins: [] }),
  },
  integrations: [validateContent(), mdx(), sitemap({ filter: (page) => !page.includes('/404') }), pagefindIndex()],
});
