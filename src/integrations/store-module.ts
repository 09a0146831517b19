import type { AstroIntegration } from 'astro';

/**
 * The id of the module Astro bundles its content store into (its
 * RESOLVED_DATA_STORE_VIRTUAL_ID, astro/dist/content/consts.js; a unit test compares).
 */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** How Astro writes that module: the store's JSON text as one string literal. */
const ASTRO_FORM = 'export default JSON.parse(';

/** Characters per string literal in the rewritten module. */
export const PIECE_CHARS = 1 << 20;

/**
 * Rewrites Astro's store module, `export default JSON.parse("<the store's JSON>")`, into
 * the same JSON text as string literals of at most `pieceChars` characters, joined
 * before parsing. Returns null when the module has another form (or is small enough).
 *
 * Why: V8 compiles one huge string literal far more slowly than the same text in
 * pieces. At 100,000 records the store is 153 MB, and importing Astro's module took
 * 39 s on every build, a rebuild too (the same text in 1 Mi-character pieces: 2.4 s,
 * measured with Node 22). Astro's own remedy, `experimental.collectionStorage:
 * 'chunked'`, writes the store by encoding it one character at a time (getChunkEnd in
 * astro/dist/content/data-store-writer.js): minutes at that size, on every build.
 */
export function piecewiseStoreModule(code: string, pieceChars = PIECE_CHARS): string | null {
  if (!code.startsWith(ASTRO_FORM) || !code.endsWith(')')) return null;
  let text: unknown;
  try {
    text = JSON.parse(code.slice(ASTRO_FORM.length, -1));
  } catch {
    return null;
  }
  if (typeof text !== 'string' || text.length <= pieceChars) return null;
  const pieces: string[] = [];
  // A piece may end inside a surrogate pair: JSON.stringify escapes the lone halves
  // (\uD8xx), and joining puts the pair together again.
  for (let at = 0; at < text.length; at += pieceChars) pieces.push(JSON.stringify(text.slice(at, at + pieceChars)));
  return `${ASTRO_FORM}[\n${pieces.join(',\n')}\n].join(''))`;
}

/**
 * Splits the string literal of Astro's content store module ({@link piecewiseStoreModule}).
 * Warns when the module no longer has the form this expects (a newer Astro), so that
 * the loss of the speed-up does not go unnoticed.
 */
export function storeModule(): AstroIntegration {
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
                  const pieces = piecewiseStoreModule(code);
                  if (pieces === null) {
                    // A store small enough to stay one piece has Astro's form; only a
                    // large module of another form means the speed-up is lost.
                    if (code.length > PIECE_CHARS && !code.startsWith(ASTRO_FORM)) logger.warn(`Astro's content store module has an unexpected form; its ${code.length} characters are left as one piece.`);
                    return null;
                  }
                  return { code: pieces, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
