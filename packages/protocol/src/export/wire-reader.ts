// The strict protobuf reader behind message-reader.ts: every problem is a ProtocolError
// (`export_truncated` or `export_malformed`) naming the message, never a RangeError or a hang.

import { getTextEncoding } from '@bufbuild/protobuf/wire';
import { ProtocolError } from '../errors.js';
import { Wire } from './wire-writer.js';

const utf8 = getTextEncoding();
const truncated = (what: string) =>
  new ProtocolError('export_truncated', `${what} ends in the middle of a field`);
const malformed = (what: string, detail: string) =>
  new ProtocolError('export_malformed', `${what} is not valid protobuf: ${detail}`);

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

  /** A uint32: at most 2^32 − 1. */
  uint32(name: string): number {
    const value = this.varint();
    if (value > 0xffffffff) throw malformed(this.what, `${name} does not fit in a uint32`);
    return value;
  }

  /** A uint64, as a number: at most 2^53 − 1 (larger values are refused, not rounded). */
  uint64(name: string): number {
    const value = this.varint();
    if (value > Number.MAX_SAFE_INTEGER) throw malformed(this.what, `${name} is larger than 2^53`);
    return value;
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
