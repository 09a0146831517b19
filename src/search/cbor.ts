/**
 * A minimal CBOR decoder for Pagefind's own files (pf_meta): unsigned and negative
 * integers, byte and text strings, arrays and maps of known length. That is all
 * Pagefind writes; anything else is reported, never guessed.
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  const text = new TextDecoder();
  let at = 0;
  const item = (): unknown => {
    const start = at;
    const { major, value, next } = cborHead(bytes, at);
    at = next;
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 2: {
        const out = bytes.subarray(at, at + value);
        at += value;
        return out;
      }
      case 3: {
        const out = text.decode(bytes.subarray(at, at + value));
        at += value;
        return out;
      }
      case 4: {
        const out: unknown[] = new Array(value);
        for (let i = 0; i < value; i++) out[i] = item();
        return out;
      }
      case 5: {
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < value; i++) out.set(item(), item());
        return out;
      }
      case 7:
        if (value === 20) return false;
        if (value === 21) return true;
        if (value === 22) return null;
        throw new Error(`CBOR: unsupported simple value ${value} at byte ${start}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${start}`);
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

/** The shortest CBOR head for major type `major` and argument `n`, as minicbor writes it. */
export function headBytes(major: number, n: number): Uint8Array {
  const m = major << 5;
  if (n < 24) return Uint8Array.of(m | n);
  if (n < 0x100) return Uint8Array.of(m | 24, n);
  if (n < 0x10000) return Uint8Array.of(m | 25, n >> 8, n & 255);
  if (n < 0x100000000) return Uint8Array.of(m | 26, n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  const out = new Uint8Array(9);
  out[0] = m | 27;
  new DataView(out.buffer).setBigUint64(1, BigInt(n));
  return out;
}

/**
 * Encodes what {@link decodeCbor} returns, the way Pagefind's minicbor writes it: definite
 * lengths and the shortest head for every number and length, so a decoded file encodes
 * back to the same bytes. Written by hand for the same reason as the decoder: the subset
 * is small, and a general CBOR library may choose other encodings (floats, indefinite
 * lengths) that Pagefind's reader does not accept.
 */
export function encodeCbor(value: unknown): Uint8Array {
  let out = new Uint8Array(1024);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= out.length) return;
    const grown = new Uint8Array(Math.max(out.length * 2, at + n));
    grown.set(out.subarray(0, at));
    out = grown;
  };
  const encoder = new TextEncoder();
  const head = (major: number, n: number) => bytes(headBytes(major, n));
  const bytes = (b: Uint8Array) => {
    room(b.length);
    out.set(b, at);
    at += b.length;
  };
  const item = (v: unknown): void => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`CBOR: cannot encode the number ${v} (integers only)`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const b = encoder.encode(v);
      head(3, b.length);
      bytes(b);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      bytes(v);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      for (const x of v) item(x);
    } else if (v instanceof Map) {
      head(5, v.size);
      for (const [k, x] of v) {
        item(k);
        item(x);
      }
    } else if (v === false || v === true || v === null) {
      room(1);
      out[at++] = v === false ? 0xf4 : v === true ? 0xf5 : 0xf6;
    } else {
      throw new Error(`CBOR: cannot encode a value of type ${typeof v}`);
    }
  };
  item(value);
  return out.slice(0, at);
}

/**
 * The head of the CBOR item at byte `at`: its major type, its argument (a length, a number
 * or a simple value) and where its content starts. Read byte by byte: the item walker
 * calls it for every posting of a shard's index (millions of heads).
 */
export function cborHead(bytes: Uint8Array, at: number): { major: number; value: number; next: number } {
  const head = bytes[at]!;
  const major = head >> 5;
  const info = head & 31;
  if (info < 24) return { major, value: info, next: at + 1 };
  if (info === 24) return { major, value: bytes[at + 1]!, next: at + 2 };
  if (info === 25) return { major, value: (bytes[at + 1]! << 8) | bytes[at + 2]!, next: at + 3 };
  if (info === 26) return { major, value: ((bytes[at + 1]! << 24) >>> 0) + ((bytes[at + 2]! << 16) | (bytes[at + 3]! << 8) | bytes[at + 4]!), next: at + 5 };
  if (info === 27) return { major, value: Number(new DataView(bytes.buffer, bytes.byteOffset + at + 1, 8).getBigUint64(0)), next: at + 9 };
  throw new Error(`CBOR: indefinite or reserved length ${info} at byte ${at}`);
}

/** The CBOR head of an array of `n` items, as {@link encodeCbor} writes it. */
export function cborArrayHead(n: number): Uint8Array {
  return headBytes(4, n);
}

/**
 * Where the CBOR item that starts at byte `at` ends, without decoding it: for cutting a
 * large Pagefind file into its items as they are, bytes unchanged (see
 * ./pagefind-bundle.ts). Same subset as {@link decodeCbor}.
 */
export function cborItemEnd(bytes: Uint8Array, at: number): number {
  let pending = 1;
  while (pending > 0) {
    pending--;
    const { major, value, next } = cborHead(bytes, at);
    at = next;
    if (major === 2 || major === 3) at += value;
    else if (major === 4) pending += value;
    else if (major === 5) pending += 2 * value;
    else if (major === 7 && (value < 20 || value > 22)) throw new Error(`CBOR: unsupported simple value ${value} at byte ${at - 1}`);
    else if (major === 6) throw new Error(`CBOR: unsupported major type 6 at byte ${at - 1}`);
  }
  return at;
}
