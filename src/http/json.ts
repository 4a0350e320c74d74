// Lossless JSON: services return 64-bit ids as JSON numbers, and JSON.parse rounds anything above
// 2^53. Integer tokens of 16 digits or more come out as exact decimal strings instead.
//
// One reader, over the UTF-8 bytes as they came: it validates the whole text as strictly as
// JSON.parse does, but builds only the parts the caller asks for (`Keep`). A deploy order of 10,000
// machines is ~7 MB of JSON; parsed whole, its tree is several times that at every poll, while the
// gate reads eight fields of each machine. Whatever is skipped is still checked, so a malformed
// answer is rejected as a whole, never half read.

import { hash } from 'node:crypto';
import { ShapeError } from './shape.js';

/**
 * What to build of a value: all of it (`true`); of an object, only the keys named, each as
 * described; of an array, each element as described (`[keep]`), and handed to `map` as soon as it
 * is built when given (`[keep, map]`: the array then holds what map returns, and each element's own
 * tree is dropped at once). A value of another kind than the description expects is built whole,
 * so the caller sees what came and can say what is wrong.
 */
export type Keep = true | { readonly [key: string]: Keep } | readonly [Keep] | readonly [Keep, MapElement];

/**
 * Makes an element into what the array holds. With an ElementMemo, `before` is what it made of the
 * element at the same place last time, when that element's bytes changed: what is equal in both
 * may be taken from it, so that only what changed takes new memory (it is never a reason to read
 * the element differently).
 */
export type MapElement = (element: unknown, before?: unknown) => unknown;

/**
 * A JSON document kept for a report, ids exact (long integers quoted): as UTF-8 pieces written
 * without a copy, or as one string. A 10,000-machine order is ~7 MB: as a string it is a copy of
 * the bytes, and writing a string to a file makes another, up to three times larger.
 */
export interface JsonText {
  /** the document is a JSON object (it can be spliced into another as a field's value) */
  isObject: boolean;
  bytes(): Uint8Array[];
  text(): string;
}

export interface ReadJson extends JsonText {
  value: unknown;
  /** a member of the top-level object as it came (an API envelope's payload), whether built or not */
  member(key: string): JsonText | undefined;
}

/** The shortest integer that may be past 2^53 (9007199254740992 has 16 digits). */
const LONG_INT_DIGITS = 16;
/** Deeper nesting than any real answer: refused rather than risking the stack. */
const MAX_DEPTH = 256;
/**
 * Elements of a mapped array at most: each becomes a model (a machine, a job). No real answer is
 * near it (64 MiB of real machines is about 95,000); an answer of tiny elements (`{},` twenty
 * million times) would otherwise make a model of each and run the heap out.
 */
export const MAX_MAPPED_ELEMENTS = 200_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;

/**
 * What a mapped array (`[keep, map]`) held at the last read of the same answer: each element's
 * length, a SHA-256 digest of its bytes, and what map made of it. An element whose bytes come again
 * unchanged (same length, same digest) is not read again: its value is reused. A 10,000-machine
 * order changes a few machines from one poll to the next; the rest costs one digest each. Digests,
 * not the bytes: the last answer need not be kept beside the next one (at 50,000 machines, 35 MB
 * less), and a changed element passes for unchanged only by a SHA-256 collision. Only a read that
 * succeeds replaces what the memo holds.
 */
export class ElementMemo {
  /** what the last read that succeeded found */
  private last = new MemoRecord();
  /** what the read under way writes into: the one before the last, its buffers already sized */
  private next = new MemoRecord();

  constructor(
    /** the mapped array this memo is for (the `[keep, map]` tuple itself) */
    readonly of: Keep,
  ) {}

  /** A record for a new read, into `values`; what it holds becomes the memo only by commit(). */
  begin(values: unknown[]): MemoRecord {
    this.next.start(values, this.last.count);
    return this.next;
  }

  /** The last read's record. */
  get before(): MemoRecord {
    return this.last;
  }

  /** After a read that succeeded: what it read is what the next read compares with. */
  commit(read: MemoRecord): void {
    if (read !== this.next) return;
    this.next = this.last;
    this.last = read;
    // the record written next holds none of the values it held (a set of units no one needs)
    this.next.start([], read.count);
  }
}

/** Bytes of an element's digest (SHA-256). */
const DIGEST = 32;
/** Elements a memo's buffers first have room for. */
const MIN_ROOM = 64;

/**
 * One read of a memo's array. Lengths and digests sit in two flat buffers outside V8's heap, reused
 * from read to read: at 50,000 machines, one string and three array slots less per element.
 */
class MemoRecord {
  /** what map made of each element, in order: as many as the elements read */
  values: unknown[] = [];
  /** element -> the offsets of its long integer tokens from its start; only elements with any */
  longInts = new Map<number, readonly number[]>();
  private lengths = new Int32Array(0);
  private digests = Buffer.alloc(0);

  /**
   * Empty, for a read expected to hold about `expected` elements: buffers grown far past that (by an
   * answer since refused, or a much longer one before) are let go rather than kept for the watch.
   */
  start(values: unknown[], expected: number): void {
    this.values = values;
    this.longInts = new Map();
    if (this.lengths.length > 2 * Math.max(MIN_ROOM, expected)) {
      this.lengths = new Int32Array(0);
      this.digests = Buffer.alloc(0);
    }
  }

  get count(): number {
    return this.values.length;
  }

  length(k: number): number {
    return this.lengths[k]!;
  }

  /** Element k's digest is b[from, to)'s. */
  digest(k: number, b: Buffer, from: number, to: number): void {
    this.room(k);
    this.digests.write(hash('sha256', b.subarray(from, to), 'binary'), k * DIGEST, DIGEST, 'latin1');
  }

  /** Element k has the same digest here as in `other`. */
  sameDigest(k: number, other: MemoRecord): boolean {
    const at = k * DIGEST;
    return this.digests.compare(other.digests, at, at + DIGEST, at, at + DIGEST) === 0;
  }

  /** The next element is done: its length and value. */
  add(length: number, value: unknown): void {
    const k = this.values.length;
    this.room(k);
    this.lengths[k] = length;
    this.values.push(value);
  }

  private room(k: number): void {
    if (k < this.lengths.length) return;
    const size = Math.max(MIN_ROOM, this.lengths.length * 2, k + 1);
    const lengths = new Int32Array(size);
    lengths.set(this.lengths);
    const digests = Buffer.alloc(size * DIGEST);
    this.digests.copy(digests);
    this.lengths = lengths;
    this.digests = digests;
  }
}

/** Reads UTF-8 JSON bytes. Throws SyntaxError when they are not JSON. */
export function readJson(data: Uint8Array, keep: Keep = true, memo?: ElementMemo): ReadJson {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const reader = new Reader(bytes, memo);
  const value = reader.document(keep);
  const { longInts, begin, end, members } = reader;
  const range = (from: number, to: number): JsonText => ({
    isObject: bytes[from] === OPEN_OBJECT,
    bytes: () => quotedPieces(bytes, longInts, from, to),
    text: () => Buffer.concat(quotedPieces(bytes, longInts, from, to)).toString('utf8'),
  });
  return {
    value,
    ...range(begin, end),
    isObject: value !== null && typeof value === 'object' && !Array.isArray(value),
    member: (key) => {
      const at = members.get(key);
      return at && range(at[0], at[1]);
    },
  };
}

export function parseJsonLossless(text: string): unknown {
  return readJson(Buffer.from(text)).value;
}

/**
 * An id as an exact decimal string, whatever JSON type it came in; undefined when it is not an id
 * (ids are never negative; an unsafe number has already lost its digits).
 */
export function toIdString(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\d+$/.test(value) ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value === 'bigint') return value >= 0n ? value.toString() : undefined;
  return undefined;
}

const QUOTE_BYTES = Buffer.from('"');

/** bytes[begin, end) in pieces, each long integer token in it between two quote pieces. */
function quotedPieces(bytes: Buffer, longInts: readonly number[], begin: number, end: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = begin;
  for (let k = 0; k < longInts.length; k += 2) {
    if (longInts[k]! < begin || longInts[k]! >= end) continue;
    out.push(
      bytes.subarray(pos, longInts[k]),
      QUOTE_BYTES,
      bytes.subarray(longInts[k], longInts[k + 1]),
      QUOTE_BYTES,
    );
    pos = longInts[k + 1]!;
  }
  out.push(bytes.subarray(pos, end));
  return out;
}

/**
 * An object's kept keys by length, matched against an ASCII key's bytes without decoding it (other
 * keys are decoded and looked up by name).
 */
interface Picker {
  /** index: the name's length */
  byLength: ({ name: string; keep: Keep }[] | undefined)[];
  byName: Map<string, Keep>;
}
const pickers = new WeakMap<object, Picker>();

function pickerOf(keep: { readonly [key: string]: Keep }): Picker {
  let p = pickers.get(keep);
  if (!p) {
    p = { byLength: [], byName: new Map() };
    for (const [name, k] of Object.entries(keep)) {
      (p.byLength[name.length] ??= []).push({ name, keep: k });
      p.byName.set(name, k);
    }
    pickers.set(keep, p);
  }
  return p;
}

class Reader {
  i = 0;
  /** where the value starts and ends, without the byte order mark and the white space around it */
  begin = 0;
  end = 0;
  depth = 0;
  /** [start, end) of every integer token of 16+ digits, in order */
  readonly longInts: number[] = [];
  /** the top-level object's members: key -> [start, end) of the value */
  readonly members = new Map<string, [number, number]>();
  private mapError?: { err: unknown };
  /** the memo's array as read now: committed when the whole document has been read */
  private memoed?: MemoRecord;

  constructor(
    private readonly b: Buffer,
    private readonly memo?: ElementMemo,
  ) {}

  document(keep: Keep): unknown {
    const b = this.b;
    // A UTF-8 byte order mark: skipped, as TextDecoder does.
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.i = 3;
    this.ws();
    this.begin = this.i;
    const value = this.value(keep);
    this.end = this.i;
    this.ws();
    if (this.i < b.length) this.fail('unexpected data after the JSON value');
    if (this.mapError) throw this.mapError.err;
    if (this.memo && this.memoed) this.memo.commit(this.memoed);
    return value;
  }

  private fail(what: string): never {
    const i = this.i;
    throw new SyntaxError(
      i >= this.b.length
        ? `JSON ends early: ${what}`
        : `bad JSON at byte ${i} (${this.b.toString('latin1', i, i + 16)}): ${what}`,
    );
  }

  private ws(): void {
    const b = this.b;
    let i = this.i;
    for (;;) {
      const c = b[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** The value at i, built as `keep` says. */
  private value(keep: Keep): unknown {
    const c = this.b[this.i];
    if (c === QUOTE) return this.string();
    if (c === OPEN_OBJECT) {
      if (keep === true || Array.isArray(keep)) return this.container(true, true);
      return this.picked(pickerOf(keep as { readonly [key: string]: Keep }));
    }
    if (c === OPEN_ARRAY) {
      if (Array.isArray(keep)) {
        const [each, map] = keep as readonly [Keep, MapElement?];
        return this.elements(each, map, keep);
      }
      return this.container(false, true);
    }
    return this.scalar(true);
  }

  /** Steps over the value at i, checking it all the same. */
  private skip(): void {
    const c = this.b[this.i];
    if (c === QUOTE) this.skipString();
    else if (c === OPEN_OBJECT) this.container(true, false);
    else if (c === OPEN_ARRAY) this.container(false, false);
    else this.scalar(false);
  }

  /** Steps over an opening bracket; true (and out again) when the closing one follows at once. */
  private empty(close: number): boolean {
    if (++this.depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH}`);
    this.i++;
    this.ws();
    if (this.b[this.i] !== close) return false;
    this.i++;
    this.depth--;
    return true;
  }

  /** After a member or element: `,` (then more) or the closing bracket. True when it closed. */
  private next(close: number): boolean {
    this.ws();
    const c = this.b[this.i];
    if (c === COMMA) {
      this.i++;
      this.ws();
      return false;
    }
    if (c === close) {
      this.i++;
      this.depth--;
      return true;
    }
    return this.fail(close === CLOSE_OBJECT ? 'expected , or }' : 'expected , or ]');
  }

  private colon(): void {
    this.ws();
    if (this.b[this.i] !== COLON) this.fail('expected :');
    this.i++;
    this.ws();
  }

  /** A whole object or array, built when `build`. */
  private container(object: boolean, build: boolean): unknown {
    const close = object ? CLOSE_OBJECT : CLOSE_ARRAY;
    const out: unknown = build ? (object ? {} : []) : undefined;
    if (this.empty(close)) return out;
    do {
      if (object) {
        if (this.b[this.i] !== QUOTE) this.fail('expected a key');
        const top = this.depth === 1;
        const key = build || top ? this.string() : (this.skipString(), '');
        this.colon();
        const start = this.i;
        if (build) define(out as Record<string, unknown>, key, this.value(true));
        else this.skip();
        if (top) this.members.set(key, [start, this.i]);
      } else if (build) (out as unknown[]).push(this.value(true));
      else this.skip();
    } while (!this.next(close));
    return out;
  }

  /** An object of which only the picker's keys are built. */
  private picked(p: Picker): Record<string, unknown> {
    const b = this.b;
    const out: Record<string, unknown> = {};
    if (this.empty(CLOSE_OBJECT)) return out;
    do {
      if (b[this.i] !== QUOTE) this.fail('expected a key');
      const start = this.i + 1;
      const escaped = this.skipString();
      const end = this.i - 1;
      let name: string | undefined;
      let keep: Keep | undefined;
      if (!escaped) {
        const candidates = p.byLength[end - start];
        if (candidates)
          for (const c of candidates)
            if (sameChars(b, start, c.name)) {
              name = c.name;
              keep = c.keep;
              break;
            }
      }
      if (keep === undefined && (escaped || !isAscii(b, start, end))) {
        // rare: a key with escapes or non-ASCII text is compared by what it decodes to
        name = decoded(b, start, end, escaped);
        keep = p.byName.get(name);
      }
      this.colon();
      const valueStart = this.i;
      if (keep !== undefined) define(out, name!, this.value(keep));
      else this.skip();
      if (this.depth === 1) this.members.set(name ?? decoded(b, start, end, escaped), [valueStart, this.i]);
    } while (!this.next(CLOSE_OBJECT));
    return out;
  }

  /** An array whose every element is built as `keep` says (and mapped). */
  private elements(keep: Keep, map?: MapElement, tuple?: Keep): unknown[] {
    const out: unknown[] = [];
    if (this.empty(CLOSE_ARRAY)) return out;
    if (map && this.memo && this.memo.of === tuple && !this.memoed) return this.memoElements(keep, map, out);
    do {
      // Once an element could not be mapped the read is refused: the rest is only checked.
      if (this.mapError) this.skip();
      else if (map && out.length >= MAX_MAPPED_ELEMENTS) this.tooMany();
      else out.push(map ? this.mapped(map, this.value(keep)) : this.value(keep));
    } while (!this.next(CLOSE_ARRAY));
    return out;
  }

  /** The same, each element's bytes first compared with the same element at the last read. */
  private memoElements(keep: Keep, map: MapElement, out: unknown[]): unknown[] {
    const memo = this.memo!;
    const b = this.b;
    const last = memo.before;
    const now = memo.begin(out);
    this.memoed = now;
    let k = 0;
    do {
      // Once an element could not be mapped the read is refused (and the memo kept as it was):
      // the rest is only checked, with no value, digest or map call for it.
      if (this.mapError) {
        this.skip();
        continue;
      }
      if (k >= MAX_MAPPED_ELEMENTS) {
        this.tooMany();
        continue;
      }
      const start = this.i;
      // The digest of as many bytes as element k had: when it is the same, these are the very
      // bytes read (and checked) last time, and the element is not read again.
      const length = k < last.count ? last.length(k) : -1;
      const digested = length >= 0 && start + length <= b.length;
      if (digested) now.digest(k, b, start, start + length);
      if (digested && now.sameDigest(k, last)) {
        const ints = last.longInts.get(k);
        if (ints) {
          for (const off of ints) this.longInts.push(start + off);
          now.longInts.set(k, ints);
        }
        this.i = start + length;
        now.add(length, last.values[k]);
      } else {
        const before = this.longInts.length;
        const value = this.mapped(map, this.value(keep), last.values[k]);
        if (this.longInts.length > before)
          now.longInts.set(
            k,
            this.longInts.slice(before).map((x) => x - start),
          );
        // the digest already taken is of these bytes when the element kept its length
        if (!digested || this.i - start !== length) now.digest(k, b, start, this.i);
        now.add(this.i - start, value);
      }
      k++;
    } while (!this.next(CLOSE_ARRAY));
    return out;
  }

  /** One element too many in a mapped array: the read is refused, the rest only checked. */
  private tooMany(): void {
    this.mapError ??= {
      err: new ShapeError(
        `a list of more than ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements, more than any real answer`,
      ),
    };
    this.skip();
  }

  /** map(value); what it throws waits until the whole text has been checked (bad JSON is said first). */
  private mapped(map: MapElement, value: unknown, before?: unknown): unknown {
    try {
      return map(value, before);
    } catch (err) {
      this.mapError ??= { err };
      return undefined;
    }
  }

  /** The string at i, decoded. */
  private string(): string {
    const b = this.b;
    const start = this.i + 1;
    // Short ASCII strings without escapes (statuses, action types, ips, host names) come back from
    // a cache: a 10,000-machine order repeats them, and the next poll repeats them all.
    let h = 0;
    let i = start;
    for (;;) {
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || !(c >= 0x20 && c < 0x80)) return this.decodedString();
      h = (h * 31 + c) | 0;
      i++;
    }
    this.i = i + 1;
    const length = i - start;
    if (length > CACHED_STRING_MAX) return b.toString('latin1', start, i);
    const slot = h & (STRING_CACHE_SIZE - 1);
    const cached = stringCache[slot];
    if (cached !== undefined && cached.length === length && sameChars(b, start, cached)) return cached;
    return (stringCache[slot] = b.toString('latin1', start, i));
  }

  /** The string at i, with escapes or non-ASCII text. */
  private decodedString(): string {
    const start = this.i + 1;
    const escaped = this.skipString();
    return decoded(this.b, start, this.i - 1, escaped);
  }

  /** Steps over the string at i (checking its escapes); true when it has any. */
  private skipString(): boolean {
    const b = this.b;
    let i = this.i + 1;
    let escaped = false;
    for (;;) {
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        const e = b[i + 1];
        if (e === LOWER_U) {
          for (let k = i + 2; k < i + 6; k++) if (!isHex(b[k])) this.failAt(k, 'bad \\u escape');
          i += 6;
        } else if (
          e === QUOTE ||
          e === BACKSLASH ||
          e === 0x2f ||
          e === 0x62 ||
          e === LOWER_F ||
          e === LOWER_N ||
          e === 0x72 ||
          e === LOWER_T
        ) {
          i += 2;
        } else {
          this.failAt(i, 'bad escape');
        }
        continue;
      }
      // a control character, or the end of the text (undefined compares false)
      if (!(c >= 0x20)) this.failAt(i, 'unterminated string or a control character in it');
      i++;
    }
    this.i = i + 1;
    return escaped;
  }

  private failAt(i: number, what: string): never {
    this.i = i;
    return this.fail(what);
  }

  /** A number or literal at i; its value when `build`. */
  private scalar(build: boolean): unknown {
    const b = this.b;
    const c = b[this.i];
    if (c === LOWER_T) return this.literal('true', true);
    if (c === LOWER_F) return this.literal('false', false);
    if (c === LOWER_N) return this.literal('null', null);
    const start = this.i;
    let i = start;
    const negative = c === MINUS;
    if (negative) i++;
    const digitsFrom = i;
    let d = b[i]!;
    if (d === ZERO) i++;
    else if (d >= ONE && d <= NINE) {
      do d = b[++i]!;
      while (d >= ZERO && d <= NINE);
    } else this.failAt(i, 'expected a value');
    const digitsTo = i;
    let integer = true;
    if (b[i] === DOT) {
      integer = false;
      i = this.digits(i + 1);
    }
    d = b[i]!;
    if (d === LOWER_E || d === UPPER_E) {
      integer = false;
      d = b[++i]!;
      if (d === PLUS || d === MINUS) i++;
      i = this.digits(i);
    }
    this.i = i;
    if (integer && digitsTo - digitsFrom >= LONG_INT_DIGITS) {
      this.longInts.push(start, i);
      return build ? b.toString('latin1', start, i) : undefined;
    }
    if (!build) return undefined;
    if (!integer) return Number(b.toString('latin1', start, i));
    // up to 15 digits: exact in a double, computed without making a string
    let v = 0;
    for (let k = digitsFrom; k < digitsTo; k++) v = v * 10 + (b[k]! - ZERO);
    return negative ? -v : v;
  }

  /** One or more digits from i; the index after them. */
  private digits(i: number): number {
    const b = this.b;
    let d = b[i]!;
    if (!(d >= ZERO && d <= NINE)) this.failAt(i, 'expected a digit');
    do d = b[++i]!;
    while (d >= ZERO && d <= NINE);
    return i;
  }

  private literal<T>(word: string, value: T): T {
    const b = this.b;
    for (let k = 0; k < word.length; k++)
      if (b[this.i + k] !== word.charCodeAt(k)) this.failAt(this.i + k, `expected ${word}`);
    this.i += word.length;
    return value;
  }
}

/** Recently read short strings, by a hash of their bytes (see Reader.string). */
const STRING_CACHE_SIZE = 1 << 14;
const CACHED_STRING_MAX = 40;
const stringCache: (string | undefined)[] = new Array<string | undefined>(STRING_CACHE_SIZE).fill(undefined);

/** A string's text from the bytes between its quotes: UTF-8 decoded, escapes by JSON.parse. */
function decoded(b: Buffer, start: number, end: number, escaped: boolean): string {
  return escaped
    ? (JSON.parse(b.toString('utf8', start - 1, end + 1)) as string)
    : b.toString('utf8', start, end);
}

function isAscii(b: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (b[k]! >= 0x80) return false;
  return true;
}

function sameChars(b: Uint8Array, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function isHex(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))
  );
}

/** obj[key] = value as JSON.parse does it: `__proto__` becomes an own property, not the prototype. */
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
