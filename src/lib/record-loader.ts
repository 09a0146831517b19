import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { PLUGIN_FRONTMATTER_KEYS } from '../remark/numbered-sections.ts';

type Store = LoaderContext['store'];
type StoredEntry = Parameters<Store['set']>[0];

/**
 * A record as Astro's store keeps it, without the second copy of its frontmatter: Astro
 * keeps the Markdown's whole frontmatter in `rendered.metadata.frontmatter` (what a page
 * gets as `remarkPluginFrontmatter`) beside the parsed `data`. Only the keys our remark
 * plugins add there (the table of contents) are read from it.
 */
export function withoutFrontmatterCopy(entry: StoredEntry): StoredEntry {
  const metadata = entry.rendered?.metadata;
  if (!metadata?.frontmatter) return entry;
  const kept: Record<string, unknown> = {};
  for (const key of PLUGIN_FRONTMATTER_KEYS) if (key in metadata.frontmatter) kept[key] = metadata.frontmatter[key];
  return { ...entry, rendered: { ...entry.rendered!, metadata: { ...metadata, frontmatter: kept } } };
}

/**
 * Astro's glob loader, storing each record through {@link withoutFrontmatterCopy}.
 *
 * Why: the store is one file that every build (a rebuild too) reads, bundles and compiles
 * as JavaScript, and Astro's memory grows with it. As JSON the copy is 8.8 of the store's
 * 31 million characters at 10,000 records; Astro's file shares repeated strings, so the
 * file shrank less, 49 → 43 MB. Astro has no option to leave the copy out, so the loader
 * hands the glob loader a store whose `set` drops it.
 */
export function recordLoader(options: Parameters<typeof glob>[0]): Loader {
  const base = glob(options);
  return {
    ...base,
    name: 'record-loader',
    load: (context) => {
      const store = context.store;
      const lean = new Proxy(store, {
        get(target, property) {
          if (property === 'set') return (entry: StoredEntry) => target.set(withoutFrontmatterCopy(entry));
          const value = Reflect.get(target, property, target) as unknown;
          // The store keeps private fields: its methods must run on the store itself.
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return base.load({ ...context, store: lean });
    },
  };
}
