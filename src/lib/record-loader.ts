import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { PLUGIN_FRONTMATTER_KEYS } from '../remark/numbered-sections.ts';
import { pruneRecordHtml, recordHtmlDir, writeRecordHtml } from './record-html.ts';

type Store = LoaderContext['store'];
type StoredEntry = Parameters<Store['set']>[0];

/**
 * A record as Astro's store keeps it, without the second copy of its frontmatter: Astro
 * keeps the Markdown's whole frontmatter in `rendered.metadata.frontmatter` (what a page
 * gets as `remarkPluginFrontmatter`) beside the parsed `data`. Only the keys our remark
 * plugins add there (the table of contents) are read from it. Astro's list of headings
 * goes too: pages read our table of contents, never Astro's headings.
 */
export function withoutFrontmatterCopy(entry: StoredEntry): StoredEntry {
  const metadata = entry.rendered?.metadata;
  if (!metadata?.frontmatter) return entry;
  const kept: Record<string, unknown> = {};
  for (const key of PLUGIN_FRONTMATTER_KEYS) if (key in metadata.frontmatter) kept[key] = metadata.frontmatter[key];
  const { headings: _headings, ...rest } = metadata;
  return { ...entry, rendered: { ...entry.rendered!, metadata: { ...rest, frontmatter: kept } } };
}

/**
 * A record as Astro's store keeps it, with its rendered HTML written to its own file in
 * `htmlDir` (src/lib/record-html.ts) and left out of the store: the page reads it there.
 */
export function withHtmlOutside(entry: StoredEntry, htmlDir: string): StoredEntry {
  if (!entry.rendered || !entry.digest) return entry;
  writeRecordHtml(htmlDir, String(entry.digest), entry.rendered.html);
  return { ...entry, rendered: { ...entry.rendered, html: '' } };
}

/** What the glob loader asks an entry type (Markdown, MDX) for each file. */
interface EntryType {
  getEntryInfo(info: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body?: string; rawData?: string }>;
}

/**
 * The entry types of the loader's context (undocumented, `context.entryTypes`), changed
 * so that a file whose contents the store already holds is not parsed: the glob loader
 * parses every file's frontmatter (for the id, which ours take from `data.id`) before it
 * compares digests and skips the unchanged ones, 2 s of YAML at 10,000 records on every
 * build. For such a file the id comes from the stored entry with the same digest, and
 * the loader then finds the entry unchanged and uses nothing else. Undefined when
 * Astro passes no entry types (the glob loader then parses as before).
 */
function unchangedSkipped(context: LoaderContext): Map<string, EntryType> | undefined {
  const types = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
  if (!(types instanceof Map)) return undefined;
  const idByDigest = new Map<string, string>();
  for (const entry of context.store.values()) if (entry.digest !== undefined) idByDigest.set(String(entry.digest), entry.id);
  return new Map(
    [...types].map(([extension, type]) => [
      extension,
      // The entry type's other members (its renderer) stay as they are.
      Object.create(type, {
        getEntryInfo: {
          value: (info: { contents: string; fileUrl: URL }) => {
            const id = idByDigest.get(context.generateDigest(info.contents));
            return id === undefined ? type.getEntryInfo(info) : Promise.resolve({ data: { id }, body: '', rawData: '' });
          },
        },
      }) as EntryType,
    ]),
  );
}

/**
 * Astro's glob loader, storing each record lean: through {@link withoutFrontmatterCopy}
 * and {@link withHtmlOutside}.
 *
 * Why: the store is one file that every build (a rebuild too) reads whole, bundles and
 * compiles as JavaScript, and loads whole again to render pages; Astro's memory grows
 * with it. At 10,000 records the rendered HTML is 37 % of the store's characters, the
 * frontmatter copy was 28 %, Astro's headings 6 %. Without the HTML, Astro's peak went
 * from 2.0 to 1.8 GB at 10,000 records and from 8.8 to 7.0 GB at 100,000, where its
 * build took 1,032 instead of 1,446 s (README: Performance and scale). Astro has no
 * option for either, so the loader hands the glob loader a store whose `set` does it;
 * unchanged records are not set again, and their HTML file, named by the source's
 * digest, is still there. Files no record names any more are deleted after loading.
 */
export function recordLoader(options: Parameters<typeof glob>[0], htmlDir: string = recordHtmlDir()): Loader {
  const base = glob(options);
  return {
    ...base,
    name: 'record-loader',
    load: async (context) => {
      const store = context.store;
      const entryTypes = unchangedSkipped(context);
      const lean = new Proxy(store, {
        get(target, property) {
          if (property === 'set') return (entry: StoredEntry) => target.set(withHtmlOutside(withoutFrontmatterCopy(entry), htmlDir));
          const value = Reflect.get(target, property, target) as unknown;
          // The store keeps private fields: its methods must run on the store itself.
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await base.load({ ...context, store: lean, ...(entryTypes ? { entryTypes } : {}) });
      pruneRecordHtml(htmlDir, new Set(store.values().flatMap((entry) => (entry.rendered && entry.digest ? [String(entry.digest)] : []))));
    },
  };
}
