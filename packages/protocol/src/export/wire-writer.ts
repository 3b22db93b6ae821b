// Minimal protobuf wire primitives for export files: wire types, sizes and a growable writer.
// Why not @bufbuild/protobuf's BinaryWriter/BinaryReader: see docs/decisions/0002-export-encoding.md
// (the writer costs ~4 µs a key; the reader skips varints without a length bound, returns 64-bit
// values as BigInt, and reports errors only through message text).

import { getTextEncoding } from '@bufbuild/protobuf/wire';

/** Wire types used by export.proto (groups, 3 and 4, are only ever skipped). */
export const Wire = { VARINT: 0, I64: 1, LEN: 2, START_GROUP: 3, END_GROUP: 4, I32: 5 } as const;

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
  return getTextEncoding().encodeUtf8(text);
}
