/**
 * A minimal, deterministic CBOR (RFC 8949) encoder and strict decoder, for the
 * few types the member card needs: unsigned and negative integers (within the
 * safe-integer range), byte strings, text strings, arrays, maps with integer
 * keys, and tags.
 *
 * Encoding follows the core deterministic rules of RFC 8949 §4.2.1: shortest
 * argument form, definite lengths only, map keys sorted by their encoded bytes.
 * Decoding is strict: it rejects anything the encoder would not produce
 * (non-shortest arguments, indefinite lengths, unsorted or duplicate keys,
 * floats and simple values, trailing bytes), so a card has one encoding.
 */

export type CborValue = number | string | Uint8Array | CborValue[] | CborMap | CborTag;
export type CborMap = Map<number, CborValue>;

export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export class CborError extends Error {
  override name = 'CborError';
}

const MAX_DEPTH = 16;

// One of each, made once: making them costs more than the few bytes of a card they read or write.
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function head(major: number, arg: number, out: number[]): void {
  if (!Number.isSafeInteger(arg) || arg < 0) throw new CborError(`argument out of range: ${arg}`);
  const m = major << 5;
  if (arg < 24) out.push(m | arg);
  else if (arg < 0x100) out.push(m | 24, arg);
  else if (arg < 0x10000) out.push(m | 25, arg >>> 8, arg & 0xff);
  else if (arg < 0x100000000) out.push(m | 26, arg >>> 24, (arg >>> 16) & 0xff, (arg >>> 8) & 0xff, arg & 0xff);
  else {
    const hi = Math.floor(arg / 0x100000000);
    const lo = arg >>> 0;
    out.push(m | 27, hi >>> 24, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff, lo >>> 24, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff);
  }
}

function encodeInto(value: CborValue, out: number[], depth: number): void {
  if (depth > MAX_DEPTH) throw new CborError('nesting too deep');
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new CborError(`not a safe integer: ${value}`);
    if (value >= 0) head(0, value, out);
    else head(1, -1 - value, out);
  } else if (typeof value === 'string') {
    const bytes = UTF8_ENCODER.encode(value);
    head(3, bytes.length, out);
    for (const b of bytes) out.push(b);
  } else if (value instanceof Uint8Array) {
    head(2, value.length, out);
    for (const b of value) out.push(b);
  } else if (Array.isArray(value)) {
    head(4, value.length, out);
    for (const item of value) encodeInto(item, out, depth + 1);
  } else if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => {
      const key: number[] = [];
      encodeInto(k, key, depth + 1);
      return { key, v };
    });
    entries.sort((a, b) => compareBytes(a.key, b.key));
    head(5, entries.length, out);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (i > 0 && compareBytes(entries[i - 1]!.key, e.key) === 0) throw new CborError('duplicate map key');
      out.push(...e.key);
      encodeInto(e.v, out, depth + 1);
    }
  } else if (value instanceof CborTag) {
    head(6, value.tag, out);
    encodeInto(value.value, out, depth + 1);
  } else {
    throw new CborError('unsupported value');
  }
}

function compareBytes(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function encode(value: CborValue): Uint8Array {
  const out: number[] = [];
  encodeInto(value, out, 0);
  return Uint8Array.from(out);
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new CborError('unexpected end of input');
    return this.bytes[this.pos++]!;
  }

  take(n: number): Uint8Array {
    if (n > this.bytes.length - this.pos) throw new CborError('unexpected end of input');
    const s = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** Reads an initial byte and its argument, insisting on the shortest form. */
  head(): { major: number; arg: number } {
    const ib = this.byte();
    const major = ib >> 5;
    const info = ib & 0x1f;
    if (info < 24) return { major, arg: info };
    let arg: number;
    let min: number;
    if (info === 24) {
      arg = this.byte();
      min = 24;
    } else if (info === 25) {
      arg = (this.byte() << 8) | this.byte();
      min = 0x100;
    } else if (info === 26) {
      arg = ((this.byte() << 24) >>> 0) + ((this.byte() << 16) | (this.byte() << 8) | this.byte());
      min = 0x10000;
    } else if (info === 27) {
      let v = 0;
      for (let i = 0; i < 8; i++) v = v * 256 + this.byte();
      if (!Number.isSafeInteger(v)) throw new CborError('integer too large');
      arg = v;
      min = 0x100000000;
    } else {
      throw new CborError(info === 31 ? 'indefinite length not allowed' : 'reserved additional information');
    }
    if (arg < min) throw new CborError('non-shortest argument encoding');
    return { major, arg };
  }
}

function decodeItem(r: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new CborError('nesting too deep');
  const { major, arg } = r.head();
  switch (major) {
    case 0:
      return arg;
    case 1:
      if (arg >= Number.MAX_SAFE_INTEGER) throw new CborError('integer too large');
      return -1 - arg;
    case 2:
      return r.take(arg).slice();
    case 3:
      try {
        return UTF8_DECODER.decode(r.take(arg));
      } catch {
        throw new CborError('invalid UTF-8 in text string');
      }
    case 4: {
      if (arg > r.bytes.length - r.pos) throw new CborError('array longer than input');
      const items: CborValue[] = [];
      for (let i = 0; i < arg; i++) items.push(decodeItem(r, depth + 1));
      return items;
    }
    case 5: {
      if (arg > r.bytes.length - r.pos) throw new CborError('map longer than input');
      const map: CborMap = new Map();
      let prevKey: Uint8Array | undefined;
      for (let i = 0; i < arg; i++) {
        const start = r.pos;
        const key = decodeItem(r, depth + 1);
        if (typeof key !== 'number') throw new CborError('map keys must be integers');
        const keyBytes = r.bytes.subarray(start, r.pos);
        if (prevKey && compareBytes(prevKey, keyBytes) >= 0) throw new CborError('map keys not in canonical order');
        prevKey = keyBytes;
        map.set(key, decodeItem(r, depth + 1));
      }
      return map;
    }
    case 6:
      return new CborTag(arg, decodeItem(r, depth + 1));
    default:
      throw new CborError('floats and simple values are not supported');
  }
}

/** Decodes exactly one CBOR item; trailing bytes are an error. */
export function decode(bytes: Uint8Array): CborValue {
  const r = new Reader(bytes);
  const value = decodeItem(r, 0);
  if (r.pos !== bytes.length) throw new CborError('trailing bytes after CBOR item');
  return value;
}
