import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapePath, glob as listFiles } from 'tinyglobby';
import { PLUGIN_FRONTMATTER_KEYS } from '../remark/numbered-sections.ts';
import { astroCacheDir } from './cache-dir.ts';
import { fileStamp } from './file-stamp.ts';
import { pruneRecordHtml, recordHtmlDir, writeRecordHtml } from './record-html.ts';
import { writeWhole } from './write-whole.ts';

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
 * What the loader saw of each record file at its last load, by path relative to the
 * glob's base: the file's stamp (src/lib/file-stamp.ts) taken before Astro read it, and
 * the id and digest of the entry Astro made from it.
 */
type Stamps = Record<string, [stamp: string, id: string, digest: string]>;

/** The file that keeps {@link Stamps} from one build to the next. */
export function recordStampsFile(cacheDir: string = astroCacheDir()): string {
  return join(cacheDir, 'record-stamps.json');
}

function readStamps(file: string): Stamps {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamps;
  } catch {
    return {};
  }
}

/** Above this share of changed files the glob loader is given its own pattern: a list that long saves little. */
const LIST_CHANGED_UP_TO = 0.2;

/**
 * Astro's glob loader, storing each record lean: through {@link withoutFrontmatterCopy}
 * and {@link withHtmlOutside}, and reading only the files changed since its last load.
 *
 * Why lean: the store is one file that every build (a rebuild too) reads whole, writes
 * again after any change, and loads whole again to render pages; Astro's memory grows
 * with it. At 10,000 records the rendered HTML is 37 % of the store's characters, the
 * frontmatter copy was 28 %, Astro's headings 6 %. Without the HTML, Astro's peak went
 * from 2.0 to 1.8 GB at 10,000 records and from 8.8 to 7.0 GB at 100,000, where its
 * build took 1,032 instead of 1,446 s (README: Performance and scale). Astro has no
 * option for either, so the loader hands the glob loader a store whose `set` does it;
 * unchanged records are not set again, and their HTML file, named by the source's
 * digest, is still there. Files no record names any more are deleted after loading.
 *
 * Why only changed files: the glob loader reads every file (and then skips those whose
 * digest the store already holds), about 1.2 s of every 10,000-record build, a tenth of
 * a rebuild. Here a file whose stamp is the one recorded when the store's entry was
 * made from it (see {@link Stamps}) is not given to the glob loader at all: it is given
 * only the changed files, as its pattern, and a store that hides the unchanged entries
 * from its list of keys, so that it keeps them rather than deleting them as gone. An
 * entry missing from the store, or holding another digest (a build that stopped
 * between the two, a store Astro cleared), makes its file count as changed.
 */
export function recordLoader(options: Parameters<typeof glob>[0], htmlDir: string = recordHtmlDir(), stampsFile: string = recordStampsFile()): Loader {
  const base = glob(options);
  return {
    ...base,
    name: 'record-loader',
    load: async (context) => {
      const store = context.store;
      // The glob loader's context: the lean store, and entry types that skip parsing
      // what the store already holds (built only when the glob loader runs: it maps
      // every stored entry's digest).
      const globContext = (kept: ReadonlySet<string>) => {
        const entryTypes = unchangedSkipped(context);
        return { ...context, store: leanStore(kept), ...(entryTypes ? { entryTypes } : {}) };
      };
      const leanStore = (kept: ReadonlySet<string>) =>
        new Proxy(store, {
          get(target, property) {
            if (property === 'set') return (entry: StoredEntry) => target.set(withHtmlOutside(withoutFrontmatterCopy(entry), htmlDir));
            if (property === 'keys') return () => [...target.keys()].filter((id) => !kept.has(id));
            const value = Reflect.get(target, property, target) as unknown;
            // The store keeps private fields: its methods must run on the store itself.
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      const pruneHtml = () => pruneRecordHtml(htmlDir, new Set(store.values().flatMap((entry) => (entry.rendered && entry.digest ? [String(entry.digest)] : []))));
      if (context.watcher) {
        // astro dev: the glob loader watches the files its pattern matches, so it gets them all.
        await base.load(globContext(new Set()));
        pruneHtml();
        return;
      }
      // Where the glob loader looks (a string is relative to the project root, as there).
      const baseDir = fileURLToPath(new URL(options.base ?? '.', context.config.root));
      const files = await listFiles(options.pattern, { cwd: baseDir, expandDirectories: false });
      const before = readStamps(stampsFile);
      const stamps: Stamps = {};
      const kept = new Set<string>();
      const changed: string[] = [];
      for (const file of files) {
        const stamp = fileStamp(join(baseDir, file));
        const known = before[file];
        const entry = known && known[0] === stamp ? store.get(known[1]) : undefined;
        if (entry && String(entry.digest) === known![2]) {
          kept.add(entry.id);
          stamps[file] = known!;
          // What the glob loader does for an unchanged entry, besides keeping it.
          if (entry.deferredRender && entry.filePath) store.addModuleImport(entry.filePath);
          // (addAssetImports is on the store Astro passes, though not on its public type.)
          if (entry.assetImports?.length && entry.filePath) (store as Store & { addAssetImports?: (assets: string[], filePath: string) => void }).addAssetImports?.(entry.assetImports, entry.filePath);
        } else {
          changed.push(file);
          stamps[file] = [stamp, '', ''];
        }
      }
      if (changed.length > 0) {
        const fewChanged = changed.length <= files.length * LIST_CHANGED_UP_TO;
        const loader = fewChanged ? glob({ ...options, pattern: changed.map((file) => escapePath(file)) }) : base;
        await loader.load(globContext(kept));
      } else {
        // What the glob loader does last: entries whose file is gone go too.
        for (const id of [...store.keys()]) if (!kept.has(id)) store.delete(id);
      }
      // The entries made from the changed files, found by their path (as Astro stores it,
      // relative to the project root).
      const root = fileURLToPath(context.config.root);
      const byPath = new Map(changed.map((file) => [relative(root, join(baseDir, file)).split(sep).join('/'), file]));
      for (const entry of store.values()) {
        const file = entry.filePath === undefined ? undefined : byPath.get(entry.filePath);
        if (file !== undefined && entry.digest !== undefined) stamps[file] = [stamps[file]![0], entry.id, String(entry.digest)];
      }
      writeWhole(stampsFile, JSON.stringify(stamps));
      context.logger.info(`${files.length} record files: ${changed.length} read, ${kept.size} unchanged since the last build not read`);
      pruneHtml();
    },
  };
}
