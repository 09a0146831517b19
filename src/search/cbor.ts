/**
 * A minimal CBOR decoder for Pagefind's own files (pf_meta): unsigned and negative
 * integers, byte and text strings, arrays and maps of known length. That is all
 * Pagefind writes; anything else is reported, never guessed.
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(at++);
    if (info === 25) {
      const v = view.getUint16(at);
      at += 2;
      return v;
    }
    if (info === 26) {
      const v = view.getUint32(at);
      at += 4;
      return v;
    }
    if (info === 27) {
      const v = Number(view.getBigUint64(at));
      at += 8;
      return v;
    }
    throw new Error(`CBOR: indefinite or reserved length ${info} at byte ${at}`);
  };
  const item = (): unknown => {
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const n = length(info);
        const out = bytes.subarray(at, at + n);
        at += n;
        return out;
      }
      case 3: {
        const n = length(info);
        const out = text.decode(bytes.subarray(at, at + n));
        at += n;
        return out;
      }
      case 4: {
        const n = length(info);
        const out: unknown[] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = item();
        return out;
      }
      case 5: {
        const n = length(info);
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) out.set(item(), item());
        return out;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error(`CBOR: unsupported simple value ${info} at byte ${at - 1}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${at - 1}`);
    }
  };
  return item();
}

/** The parts of Pagefind's pf_meta that search needs: page hashes and word counts, in page order. */
export interface PagefindMeta {
  version: string;
  pages: { hash: string; wordCount: number }[];
}

/** Reads a decompressed pf_meta (after its `pagefind_dcd` signature). */
export function readPagefindMeta(bytes: Uint8Array): PagefindMeta {
  const root = decodeCbor(bytes) as unknown[];
  if (!Array.isArray(root) || typeof root[0] !== 'string' || !Array.isArray(root[1])) throw new Error('pf_meta: unexpected layout (is this Pagefind 1.x?)');
  return { version: root[0], pages: (root[1] as [string, number][]).map(([hash, wordCount]) => ({ hash, wordCount })) };
}

/** Strips Pagefind's `pagefind_dcd` signature from a decompressed file. */
export function withoutSignature(bytes: Uint8Array): Uint8Array {
  const sig = new TextDecoder().decode(bytes.subarray(0, 12));
  if (sig !== 'pagefind_dcd') throw new Error('Pagefind file without its pagefind_dcd signature');
  return bytes.subarray(12);
}
