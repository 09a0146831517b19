import type { SearchDoc, SearchManifest } from './data.ts';

/**
 * The bytes of a gzipped file. A server may label a `.gz` file `Content-Encoding: gzip`
 * (sirv, some CDNs), and then the browser has already unpacked it; others serve it as
 * is. The gzip magic number tells which, so the site works on any static host.
 */
async function gunzipResponse(response: Response): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The bytes of a gzipped file (search data, Pagefind's index files), unpacked. */
export async function fetchGzip(url: string): Promise<Uint8Array> {
  return gunzipResponse(await fetch(url));
}

/** A gzipped JSON file of the search data (/search-data/…json.gz). */
export async function fetchGzipJson<T>(url: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await fetchGzip(url))) as T;
}

/** A plain JSON file (the manifest, Pagefind's entry file). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.url || url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** /search-data/manifest.json of the site at `base`. */
export function fetchManifest(base: string): Promise<SearchManifest> {
  return fetchJson<SearchManifest>(`${base}search-data/manifest.json`);
}

/** Record number `ordinal`'s search document: its card, lines and conversions. */
export function fetchSearchDoc(base: string, manifest: SearchManifest, ordinal: number): Promise<SearchDoc> {
  return fetchGzipJson<SearchDoc>(`${base}${manifest.docs.replace(/^\//, '')}${ordinal}.json.gz`);
}
