// Minimal protobuf wire primitives for export files: a growable writer and a strict reader.
// Why not @bufbuild/protobuf's BinaryWriter/BinaryReader: see docs/decisions/0002-export-encoding.md
// (the writer costs ~4 µs a key; the reader skips varints without a length bound, returns 64-bit
// values as BigInt, and reports errors only through message text).

import { getTextEncoding } from '@bufbuild/protobuf/wire';
import { ProtocolError } from '../errors.js';

/** Wire types used by export.proto (groups, 3 and 4, are only ever skipped). */
export const Wire = { VARINT: 0, I64: 1, LEN: 2, START_GROUP: 3, END_GROUP: 4, I32: 5 } as const;

const utf8 = getTextEncoding();
const truncated = (what: string) =>
  new ProtocolError('export_truncated', `${what} ends in the middle of a field`);
const malformed = (what: string, detail: string) =>
  new ProtocolError('export_malformed', `${what} is not valid protobuf: ${detail}`);

/** Bytes a varint of the uint32 `n` takes. */
export function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/** Bytes an int32 field value takes (negative values are sign-extended to 10 bytes). */
export function int32Size(n: number): number {
  return n < 0 ? 10 : varintSize(n);
}

/** An append-only byte buffer that doubles as it fills. */
export class WireWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(initialSize = 1024) {
    this.buf = new Uint8Array(initialSize);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** A uint32 as a varint (every varint export files write fits in 32 bits). */
  varint(n: number): this {
    this.ensure(5);
    let v = n >>> 0;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
    return this;
  }

  tag(fieldNo: number, wireType: number): this {
    return this.varint(fieldNo * 8 + wireType);
  }

  /** int32 as protobuf writes it: two's complement, sign-extended to 64 bits. */
  int32(n: number): this {
    if (n >= 0) return this.varint(n);
    this.ensure(10);
    const low = n >>> 0;
    for (let i = 0; i < 4; i++) this.buf[this.pos++] = ((low >>> (7 * i)) & 0x7f) | 0x80;
    this.buf[this.pos++] = (low >>> 28) | 0xf0;
    for (let i = 0; i < 4; i++) this.buf[this.pos++] = 0xff;
    this.buf[this.pos++] = 0x01;
    return this;
  }

  sint32(n: number): this {
    return this.varint((n << 1) ^ (n >> 31));
  }

  /** fixed64 of a non-negative safe integer, little-endian. */
  fixed64(n: number): this {
    this.ensure(8);
    const low = n % 2 ** 32;
    const high = Math.floor(n / 2 ** 32);
    for (let i = 0; i < 4; i++) this.buf[this.pos++] = (low >>> (8 * i)) & 255;
    for (let i = 0; i < 4; i++) this.buf[this.pos++] = (high >>> (8 * i)) & 255;
    return this;
  }

  /** Length-prefixed bytes. */
  bytes(data: Uint8Array): this {
    return this.varint(data.length).raw(data);
  }

  /** Bytes as they are (no length prefix). */
  raw(data: Uint8Array): this {
    this.ensure(data.length);
    if (data.length > 32) this.buf.set(data, this.pos);
    else for (let i = 0; i < data.length; i++) this.buf[this.pos + i] = data[i] as number; // set() costs more for a key
    this.pos += data.length;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** UTF-8 bytes of `text`. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8.encodeUtf8(text);
}

/** A strict reader over one message's bytes: every error is a ProtocolError naming `what`. */
export class WireReader {
  pos = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** A varint of at most 10 bytes, as a number (exact up to 2^53; callers bound what they accept). */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw truncated(this.what);
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw malformed(this.what, 'a varint longer than 10 bytes');
  }

  /** [field number, wire type]. */
  tag(): [number, number] {
    const tag = this.varint();
    const fieldNo = Math.floor(tag / 8);
    if (fieldNo < 1 || fieldNo > 0x1fffffff) throw malformed(this.what, `field number ${fieldNo}`);
    return [fieldNo, tag % 8];
  }

  /** An int32: non-negative values up to 2^31 − 1, negative ones sign-extended to exactly 10 bytes. */
  int32(name: string): number {
    const start = this.pos;
    const value = this.varint();
    if (value <= 0x7fffffff) return value;
    const b = (i: number) => this.buf[start + i] as number;
    let low = (b(4) & 0x0f) << 28;
    for (let i = 0; i < 4; i++) low |= (b(i) & 0x7f) << (7 * i);
    const extended =
      this.pos - start === 10 &&
      (b(4) & 0x70) === 0x70 &&
      b(9) === 1 &&
      [5, 6, 7, 8].every((i) => b(i) === 0xff);
    if (!extended || low >= 0) throw malformed(this.what, `${name} does not fit in an int32`);
    return low;
  }

  sint32(name: string): number {
    const value = this.varint();
    if (value > 0xffffffff) throw malformed(this.what, `${name} does not fit in a sint32`);
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  fixed64(name: string): number {
    const end = this.pos + 8;
    if (end > this.buf.length) throw truncated(this.what);
    let value = 0;
    for (let i = 7; i >= 0; i--) value = value * 256 + (this.buf[this.pos + i] as number);
    this.pos = end;
    if (value > Number.MAX_SAFE_INTEGER) throw malformed(this.what, `${name} is larger than 2^53`);
    return value;
  }

  /** The content of a length-delimited field (a view into the input). */
  bytes(): Uint8Array {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.buf.length) throw truncated(this.what);
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  string(name: string): string {
    const bytes = this.bytes();
    try {
      return utf8.decodeUtf8(bytes, true);
    } catch {
      throw malformed(this.what, `${name} is not UTF-8`);
    }
  }

  /** Skips an unknown or deprecated field; groups are skipped to a bounded depth. */
  skip(fieldNo: number, wireType: number, depth = 0): void {
    switch (wireType) {
      case Wire.VARINT:
        this.varint();
        return;
      case Wire.I64:
      case Wire.I32: {
        this.pos += wireType === Wire.I64 ? 8 : 4;
        if (this.pos > this.buf.length) throw truncated(this.what);
        return;
      }
      case Wire.LEN:
        this.bytes();
        return;
      case Wire.START_GROUP:
        if (depth >= 8) throw malformed(this.what, 'groups nested too deep');
        for (;;) {
          const [no, type] = this.tag();
          if (type === Wire.END_GROUP) {
            if (no !== fieldNo) throw malformed(this.what, `group ${fieldNo} closed by ${no}`);
            return;
          }
          this.skip(no, type, depth + 1);
        }
      default:
        throw malformed(this.what, `field ${fieldNo} has wire type ${wireType}`);
    }
  }
}
