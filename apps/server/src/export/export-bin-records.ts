// Pure: export.bin written straight from sorted records into one buffer of the exact size, byte for
// byte what encodeExportBin writes for the same keys (export-bin-records.test.ts checks it).

import {
  type DiagnosisKey,
  type ExportHeader,
  encodeExportBin,
  intervalNumber,
  ROLLING_PERIOD as PROTOCOL_ROLLING_PERIOD,
  ReportType,
  type SignatureInfo,
} from '@bluezone/protocol';
import {
  FLAG_DAYS_KNOWN as DAYS_KNOWN,
  R,
  RECORD_BYTES,
  REPORT_TYPE_NAMES,
  FLAG_REVISED as REVISED,
} from '../exposures/exposure-records.js';

/** Field tags (GAEN export.proto): keys = 7 and revised_keys = 8 (length-delimited) in the export… */
const TAG_KEYS = (7 << 3) | 2;
const TAG_REVISED_KEYS = (8 << 3) | 2;
/** …and in a TemporaryExposureKey: key_data 1 (bytes), then varints 2…6. */
const TAG_KEY_DATA = (1 << 3) | 2;
const TAG_RISK = 2 << 3;
const TAG_START = 3 << 3;
const TAG_PERIOD = 4 << 3;
const TAG_REPORT_TYPE = 5 << 3;
const TAG_DAYS = 6 << 3;

// Imported constants copied into this module: hot loops read locals (see docs/performance.md).
const RECORD = RECORD_BYTES;
const ROLLING_PERIOD = PROTOCOL_ROLLING_PERIOD;
const FLAG_DAYS_KNOWN = DAYS_KNOWN;
const FLAG_REVISED = REVISED;
if (R.start !== 16 || R.period !== 20 || R.risk !== 24 || R.days !== 28 || R.type !== 32 || R.flags !== 34)
  throw new Error('export record layout changed: update export-bin-records.ts');

const REPORT_TYPE_VALUES = Int32Array.from([
  ReportType.UNKNOWN,
  ...REPORT_TYPE_NAMES.map((name) => ReportType[name]),
]);

const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);
const int32Size = (n: number) => (n < 0 ? 10 : varintSize(n));
const zigzag = (n: number) => ((n << 1) ^ (n >> 31)) >>> 0;
const typeAt = (bytes: Uint8Array, o: number) => ((bytes[o + 32] as number) << 8) | (bytes[o + 33] as number);
const int32At = (bytes: Uint8Array, o: number) =>
  ((bytes[o] as number) << 24) |
  ((bytes[o + 1] as number) << 16) |
  ((bytes[o + 2] as number) << 8) |
  (bytes[o + 3] as number);

/** The key record `i` stands for, as toDiagnosisKey makes it (throws as it does on bad values). */
export function recordKey(bytes: Uint8Array, i: number): DiagnosisKey {
  const o = i * RECORD;
  const flags = bytes[o + 34] as number;
  return {
    keyData: Uint8Array.prototype.slice.call(bytes, o, o + 16), // a copy, also of a Buffer
    rollingStartIntervalNumber: intervalNumber(int32At(bytes, o + 16)),
    rollingPeriod: int32At(bytes, o + 20),
    transmissionRiskLevel: int32At(bytes, o + 24),
    reportType: REPORT_TYPE_VALUES[typeAt(bytes, o)] as ReportType,
    ...(flags & FLAG_DAYS_KNOWN ? { daysSinceOnsetOfSymptoms: int32At(bytes, o + 28) } : {}),
  };
}

/** Whether records from…to-1 are valid as they are (else the caller takes the checking path). */
export function recordsWritable(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const o = i * RECORD;
    const start = int32At(bytes, o + 16);
    const period = int32At(bytes, o + 20);
    const type = typeAt(bytes, o);
    if (start < 0 || period < 1 || period > ROLLING_PERIOD || type >= REPORT_TYPE_VALUES.length) return false;
  }
  return true;
}

/** Bytes of the TemporaryExposureKey message of record offset `o` (without its own tag and length). */
function keySize(bytes: Uint8Array, o: number): number {
  const risk = int32At(bytes, o + 24);
  const period = int32At(bytes, o + 20);
  const type = REPORT_TYPE_VALUES[typeAt(bytes, o)] as number;
  let size = 18 + 1 + int32Size(int32At(bytes, o + 16));
  if (risk !== 0) size += 1 + int32Size(risk);
  if (period !== ROLLING_PERIOD) size += 1 + int32Size(period);
  if (type !== ReportType.UNKNOWN) size += 1 + int32Size(type);
  if ((bytes[o + 34] as number) & FLAG_DAYS_KNOWN) size += 1 + varintSize(zigzag(int32At(bytes, o + 28)));
  return size;
}

/** Writes the uint32 `n` as a varint at `p`; returns the position after it. */
function writeVarint(out: Uint8Array, p: number, n: number): number {
  let v = n >>> 0;
  while (v > 0x7f) {
    out[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[p++] = v;
  return p;
}

/** An int32 as protobuf writes it (negative: sign-extended to 10 bytes). */
function writeInt32(out: Uint8Array, p: number, n: number): number {
  if (n >= 0) return writeVarint(out, p, n);
  const low = n >>> 0;
  for (let k = 0; k < 4; k++) out[p++] = ((low >>> (7 * k)) & 0x7f) | 0x80;
  out[p++] = (low >>> 28) | 0xf0;
  for (let k = 0; k < 4; k++) out[p++] = 0xff;
  out[p++] = 0x01;
  return p;
}

/**
 * export.bin of records from…to-1 (sorted by key bytes, checked with recordsWritable): the header
 * and signature infos as encodeExportBin writes them, then the keys, then the revised keys.
 */
export function encodeRecordsExportBin(
  header: ExportHeader,
  signatureInfos: readonly SignatureInfo[],
  bytes: Uint8Array,
  from: number,
  to: number,
): Uint8Array {
  const head = encodeExportBin({ header, signatureInfos, keys: [], revisedKeys: [] });
  // A key message is at most 68 bytes: its length is one byte.
  const sizes = new Uint8Array(to - from);
  let total = head.length;
  for (let j = 0; j < to - from; j++) {
    const size = keySize(bytes, (from + j) * RECORD);
    sizes[j] = size;
    total += 2 + size;
  }
  const out = new Uint8Array(total);
  out.set(head);
  let p = head.length;
  for (const revised of [0, FLAG_REVISED]) {
    for (let j = 0; j < to - from; j++) {
      const o = (from + j) * RECORD;
      const flags = bytes[o + 34] as number;
      if ((flags & FLAG_REVISED) !== revised) continue;
      out[p++] = revised ? TAG_REVISED_KEYS : TAG_KEYS;
      out[p++] = sizes[j] as number;
      out[p++] = TAG_KEY_DATA;
      out[p++] = 16;
      for (let k = 0; k < 16; k++) out[p + k] = bytes[o + k] as number;
      p += 16;
      const risk = int32At(bytes, o + 24);
      if (risk !== 0) {
        out[p++] = TAG_RISK;
        p = writeInt32(out, p, risk);
      }
      out[p++] = TAG_START;
      p = writeInt32(out, p, int32At(bytes, o + 16));
      const period = int32At(bytes, o + 20);
      if (period !== ROLLING_PERIOD) {
        out[p++] = TAG_PERIOD;
        p = writeInt32(out, p, period);
      }
      const type = REPORT_TYPE_VALUES[typeAt(bytes, o)] as number;
      if (type !== ReportType.UNKNOWN) {
        out[p++] = TAG_REPORT_TYPE;
        p = writeInt32(out, p, type);
      }
      if (flags & FLAG_DAYS_KNOWN) {
        out[p++] = TAG_DAYS;
        p = writeVarint(out, p, zigzag(int32At(bytes, o + 28)));
      }
    }
  }
  if (p !== total) throw new Error(`export.bin size mismatch: wrote ${p} of ${total} bytes`);
  return out;
}
