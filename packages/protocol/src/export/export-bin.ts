// export.bin: the 16-byte header, then a TemporaryExposureKeyExport (docs/protocol.md §4). Written by
// hand on the generated descriptor's field numbers (byte-exact with the GAEN example, and property-
// tested against protobuf-es's toBinary); read by the strict descriptor-driven decoder.

import { compareBytes, equalBytes } from '../bytes.js';
import type { DiagnosisKey } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { SignatureInfoSchema, TemporaryExposureKeyExportSchema } from './gen/export_pb.js';
import { checkKey, keyFromMessage, writeKey } from './key-message.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './limits.js';
import { decodeMessage, type PlainMessage } from './message-reader.js';
import type { ExportContents, ExportHeader, SignatureInfo } from './types.js';
import { encodeUtf8, Wire, WireWriter } from './wire-writer.js';

/** "EK Export v1" followed by four spaces. */
export const EXPORT_BIN_HEADER: Uint8Array = Uint8Array.from('EK Export v1    ', (c) => c.charCodeAt(0));

const E = TemporaryExposureKeyExportSchema.field;
const S = SignatureInfoSchema.field;
/** Typical encoded size of one key, to size the output buffer once. */
const KEY_BYTES_ESTIMATE = 40;

/** Encodes export.bin. Keys and revised keys are sorted by key bytes; nothing is padded. */
export function encodeExportBin(contents: ExportContents): Uint8Array {
  const { header } = contents;
  checkHeader(header);
  const sort = (keys: ExportContents['keys'], name: string) => {
    keys.forEach((key, i) => {
      checkKey(key, `${name}[${i}]`);
    });
    return sortByKeyBytes(keys);
  };
  const keys = sort(contents.keys, 'keys');
  const revisedKeys = sort(contents.revisedKeys, 'revised_keys');

  const w = new WireWriter(256 + KEY_BYTES_ESTIMATE * (keys.length + revisedKeys.length));
  w.raw(EXPORT_BIN_HEADER);
  w.tag(E.startTimestamp.number, Wire.I64).fixed64(header.startTimestamp);
  w.tag(E.endTimestamp.number, Wire.I64).fixed64(header.endTimestamp);
  w.tag(E.region.number, Wire.LEN).bytes(encodeUtf8(header.region));
  w.tag(E.batchNum.number, Wire.VARINT).int32(header.batchNum);
  w.tag(E.batchSize.number, Wire.VARINT).int32(header.batchSize);
  for (const info of contents.signatureInfos) {
    w.tag(E.signatureInfos.number, Wire.LEN).bytes(encodeSignatureInfo(info));
  }
  for (const key of keys) writeKey(w, E.keys.number, key);
  for (const key of revisedKeys) writeKey(w, E.revisedKeys.number, key);
  return w.finish();
}

/**
 * Keys in key-byte order. A comparator over 500,000 keys costs about a second, so keys are ordered by
 * a native numeric sort of (first four bytes × 2^21 + index); runs with equal first bytes (rare) are
 * then ordered with compareBytes.
 */
function sortByKeyBytes(keys: ExportContents['keys']): ExportContents['keys'] {
  if (keys.length >= 2 ** 21) throw new ProtocolError('export_too_large', `${keys.length} keys in one file`);
  const order = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    order[i] = keyPrefix(key.keyData) * 2 ** 21 + i;
  });
  order.sort();
  const sorted = Array.from(order, (n) => keys[n % 2 ** 21] as DiagnosisKey);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    const prefix = keyPrefix((sorted[i] as DiagnosisKey).keyData);
    while (j < sorted.length && keyPrefix((sorted[j] as DiagnosisKey).keyData) === prefix) j++;
    if (j - i > 1) {
      const run = sorted.slice(i, j).sort((a, b) => compareBytes(a.keyData, b.keyData));
      sorted.splice(i, run.length, ...run);
    }
    i = j;
  }
  return sorted;
}

function keyPrefix(k: Uint8Array): number {
  return (
    (((k[0] as number) << 24) | ((k[1] as number) << 16) | ((k[2] as number) << 8) | (k[3] as number)) >>> 0
  );
}

/** SignatureInfo: fields 3, 4, 5 (the deprecated 1 and 2 are never written). */
export function encodeSignatureInfo(info: SignatureInfo): Uint8Array {
  return new WireWriter(64)
    .tag(S.verificationKeyVersion.number, Wire.LEN)
    .bytes(encodeUtf8(info.verificationKeyVersion))
    .tag(S.verificationKeyId.number, Wire.LEN)
    .bytes(encodeUtf8(info.verificationKeyId))
    .tag(S.signatureAlgorithm.number, Wire.LEN)
    .bytes(encodeUtf8(info.signatureAlgorithm))
    .finish();
}

/** Decodes export.bin, validating every key; throws ProtocolError (`export_…` codes) on anything wrong. */
export function decodeExportBin(
  bytes: Uint8Array,
  limits: ExportLimits = DEFAULT_EXPORT_LIMITS,
): ExportContents {
  if (bytes.length > limits.maxBytes) {
    throw new ProtocolError(
      'export_too_large',
      `export.bin has ${bytes.length} bytes, over the ${limits.maxBytes} limit`,
    );
  }
  if (!equalBytes(bytes.subarray(0, EXPORT_BIN_HEADER.length), EXPORT_BIN_HEADER)) {
    throw new ProtocolError('export_bad_header', 'export.bin does not start with "EK Export v1    "');
  }
  const m = decodeMessage(TemporaryExposureKeyExportSchema, bytes.subarray(EXPORT_BIN_HEADER.length), {
    keys: limits.maxKeys,
    revisedKeys: limits.maxKeys,
    signatureInfos: limits.maxSignatures,
  });
  const list = (name: string) => (m[name] as PlainMessage[] | undefined) ?? [];
  const keys = list('keys');
  const revisedKeys = list('revisedKeys');
  if (keys.length + revisedKeys.length > limits.maxKeys) {
    throw new ProtocolError('export_too_large', `export.bin has more than ${limits.maxKeys} keys`);
  }
  const header: ExportHeader = {
    startTimestamp: (m.startTimestamp as number | undefined) ?? 0,
    endTimestamp: (m.endTimestamp as number | undefined) ?? 0,
    region: (m.region as string | undefined) ?? '',
    batchNum: (m.batchNum as number | undefined) ?? 0,
    batchSize: (m.batchSize as number | undefined) ?? 0,
  };
  checkHeader(header);
  return {
    header,
    signatureInfos: list('signatureInfos').map(signatureInfoFromMessage),
    keys: keys.map((key, i) => keyFromMessage(key, `keys[${i}]`)),
    revisedKeys: revisedKeys.map((key, i) => keyFromMessage(key, `revised_keys[${i}]`)),
  };
}

/** A decoded SignatureInfo; absent strings read as "". */
export function signatureInfoFromMessage(m: PlainMessage): SignatureInfo {
  return {
    verificationKeyVersion: (m.verificationKeyVersion as string | undefined) ?? '',
    verificationKeyId: (m.verificationKeyId as string | undefined) ?? '',
    signatureAlgorithm: (m.signatureAlgorithm as string | undefined) ?? '',
  };
}

/** Batch fields and timestamps that make sense together (enforced when writing and reading). */
function checkHeader(header: ExportHeader): void {
  const { startTimestamp: start, endTimestamp: end, batchNum, batchSize } = header;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new ProtocolError(
      'export_invalid_header',
      `timestamps ${start}…${end} are not a period in Unix seconds`,
    );
  }
  if (!Number.isInteger(batchNum) || !Number.isInteger(batchSize) || batchNum < 1 || batchNum > batchSize) {
    throw new ProtocolError(
      'export_invalid_header',
      `batch ${batchNum} of ${batchSize} is not a valid batch`,
    );
  }
  if (batchSize > 0x7fffffff) {
    throw new ProtocolError('export_invalid_header', `batch size ${batchSize} does not fit in an int32`);
  }
}
