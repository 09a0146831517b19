/**
 * The exact search over a group of the archive's search indexes, in whatever thread runs
 * it: a look-up worker (./lookup-worker.ts) or, where workers are unavailable, the page
 * itself (./lookup-pool.ts). It reads Pagefind's index files (./pagefind-index.ts) and
 * matches phrases in linear time (./phrase-match.ts). A look-up's answer is flat pairs of
 * numbers, record number then the first position of the match, which a worker can
 * transfer without copying.
 */
import { fetchGzip, fetchJson } from './fetch-data.ts';
import { LANES } from './index-content.ts';
import { PagefindIndex, type Postings } from './pagefind-index.ts';
import { matchPhrase } from './phrase-match.ts';
import { phraseProbes, type Probes } from './phrase-probes.ts';

/** The look-ups of one group of indexes (the shards' merged index, patch indexes). */
export class IndexLookup {
  private indexes: Promise<PagefindIndex[]>;
  private frequent: ReadonlySet<string>;

  /** `frequentTokens`: the frequent pairs and triples the indexes were built with (the search manifest's, ./frequent-pairs.ts). */
  constructor(paths: readonly string[], frequentTokens: readonly string[] = []) {
    this.frequent = new Set(frequentTokens);
    if (!paths.length) throw new Error('the archive has no search index');
    this.indexes = Promise.all(paths.map((path) => PagefindIndex.open(path, fetchGzip, fetchJson)));
    // Reported by the first call that needs it; not an unhandled rejection meanwhile.
    this.indexes.catch(() => {});
  }

  /** Resolves when every index's page ids and chunk table are loaded. */
  async ready(): Promise<void> {
    await this.indexes;
  }

  /** Fetches the index chunks that hold the tokens a look-up of `variants` reads, without searching. */
  async preload(variants: readonly (readonly string[])[]): Promise<void> {
    await this.fetchChunks(variants.map((tokens) => phraseProbes(tokens, this.frequent)));
  }

  /** Fetches, in every index, the chunks that hold the tokens of `probes`. */
  private async fetchChunks(probes: readonly Probes[]): Promise<void> {
    const words = new Set(probes.flatMap((p) => p.tokens));
    await Promise.all((await this.indexes).map((index) => index.preload(words)));
  }

  /**
   * Records holding any of `variants` (the token lists of one phrase's variants, each
   * at consecutive positions) in this group's indexes: pairs of record number and first
   * matching position, once per variant that matches. Of each variant, the tokens
   * ./phrase-probes.ts picks are read.
   */
  async lookUp(variants: readonly (readonly string[])[]): Promise<Int32Array> {
    const indexes = await this.indexes;
    const probes = variants.map((tokens) => phraseProbes(tokens, this.frequent));
    await this.fetchChunks(probes);
    // Flat pairs of every variant and index, unmerged: a record a variant and another
    // both match comes twice, and the pool keeps its first position (./lookup-pool.ts).
    const parts: Int32Array[] = [];
    for (const index of indexes) {
      for (const { tokens, offsets } of probes) {
        const postings: Postings[] = [];
        for (const token of tokens) {
          const p = await index.postings(token);
          if (!p) break;
          postings.push(p);
        }
        if (postings.length < tokens.length) continue;
        const pairs = matchPhrase(postings, offsets);
        let kept = 0;
        for (let i = 0; i < pairs.length; i += 2) {
          const ordinal = index.ordinals[pairs[i]!];
          if (ordinal === undefined) throw new Error(`search index: a posting names page ${pairs[i]}, which the index does not have`);
          // The stale copy of a record a patch index holds.
          if (ordinal < 0) continue;
          pairs[kept++] = ordinal;
          // Pagefind's position → the word position (./index-content.ts `LANES`).
          pairs[kept++] = pairs[i + 1]! / LANES;
        }
        parts.push(pairs.subarray(0, kept));
      }
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Int32Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
