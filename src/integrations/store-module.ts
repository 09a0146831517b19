import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { writeWhole } from '../lib/write-whole.ts';

/**
 * The id of the module Astro bundles its content store into (its
 * RESOLVED_DATA_STORE_VIRTUAL_ID, astro/dist/content/consts.js; a unit test compares).
 */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** How Astro writes that module: the store's JSON text as one string literal. */
const ASTRO_FORM = 'export default JSON.parse(';

/** Below this many characters the store stays in Astro's module. */
export const FILE_FROM_CHARS = 1 << 20;

/**
 * Rewrites Astro's store module, `export default JSON.parse("<the store's JSON>")`, into
 * one that reads the same JSON text from `file` when it runs, and writes that file.
 * Returns null when the module has another form (or the store is small).
 *
 * Why: the module is bundled by Vite and compiled by V8 on every build, a rebuild too,
 * and the store is large (15 MB at 10,000 records, 150 MB at 100,000). As one string
 * literal, V8 compiled it in 39 s at 100,000 records; split into literals of 1 Mi
 * characters, 2.4 s, but Vite's bundler still parsed and copied all of it (about 7 s of
 * a 100,000-record rebuild, with the compiling). Read from a file, it is parsed as JSON
 * once, as Astro's module would. Astro's own remedy, `experimental.collectionStorage:
 * 'chunked'`, writes the store by encoding it one character at a time (getChunkEnd in
 * astro/dist/content/data-store-writer.js): minutes at that size, on every build. The
 * file is written whole (a temporary file, then renamed), and the module reads it in
 * the same build.
 */
export function storeModuleFromFile(code: string, file: string, fromChars = FILE_FROM_CHARS): string | null {
  if (!code.startsWith(ASTRO_FORM) || !code.endsWith(')')) return null;
  if (code.length < fromChars) return null;
  let text: unknown;
  try {
    text = JSON.parse(code.slice(ASTRO_FORM.length, -1));
  } catch {
    return null;
  }
  if (typeof text !== 'string') return null;
  writeWhole(file, text);
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/**
 * Has Astro's content store module read the store from a file in the build cache
 * ({@link storeModuleFromFile}). Warns when the module no longer has the form this
 * expects (a newer Astro), so that the loss of the speed-up does not go unnoticed.
 */
export function storeModule(file: string = join(astroCacheDir(), 'data-store-module.json')): AstroIntegration {
  return {
    name: 'archive:store-module',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'archive:store-module',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE_ID) return null;
                  const reading = storeModuleFromFile(code, file);
                  if (reading === null) {
                    // A small store stays in Astro's module; only a large module of
                    // another form means the speed-up is lost.
                    if (code.length >= FILE_FROM_CHARS && !code.startsWith(ASTRO_FORM)) logger.warn(`Astro's content store module has an unexpected form; its ${code.length} characters are left in the module.`);
                    return null;
                  }
                  return { code: reading, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
