/**
 * A small, fast, seedable PRNG (mulberry32), so that generated corpora, sampled queries
 * and fuzzing mutations are reproducible from a seed. Written here because it is six
 * lines; no npm package is needed for it.
 */

/** A seeded random number generator returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
