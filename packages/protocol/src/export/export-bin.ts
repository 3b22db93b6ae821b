// export.bin: the 16-byte header, then a TemporaryExposureKeyExport (PROTOCOL.md §4).
// Encoding goes through the generated schema (byte-exact with the GAEN example); decoding through the
// strict reader in wire-reader.ts.

import { create, toBinary } from '@bufbuild/protobuf';
import { compareBytes, concatBytes, equalBytes } from '../bytes.js';
import { ProtocolError } from '../errors.js';
import { TemporaryExposureKeyExportSchema } from './gen/export_pb.js';
import { fromKeyMessage, toKeyMessage } from './key-message.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './limits.js';
import type { ExportContents, ExportHeader } from './types.js';
import { decodeStrict } from './wire-reader.js';

/** "EK Export v1" followed by four spaces. */
export const EXPORT_BIN_HEADER: Uint8Array = Uint8Array.from('EK Export v1    ', (c) => c.charCodeAt(0));

/** Encodes export.bin. Keys and revised keys are sorted by key bytes; nothing is padded. */
export function encodeExportBin(contents: ExportContents): Uint8Array {
  const { header } = contents;
  checkHeader(header);
  const byKeyBytes = (a: { keyData: Uint8Array }, b: { keyData: Uint8Array }) =>
    compareBytes(a.keyData, b.keyData);
  const message = create(TemporaryExposureKeyExportSchema, {
    startTimestamp: BigInt(header.startTimestamp),
    endTimestamp: BigInt(header.endTimestamp),
    region: header.region,
    batchNum: header.batchNum,
    batchSize: header.batchSize,
    signatureInfos: contents.signatureInfos.map((info) => ({ ...info })),
    keys: [...contents.keys].sort(byKeyBytes).map(toKeyMessage),
    revisedKeys: [...contents.revisedKeys].sort(byKeyBytes).map(toKeyMessage),
  });
  return concatBytes(EXPORT_BIN_HEADER, toBinary(TemporaryExposureKeyExportSchema, message));
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
  const magic = bytes.subarray(0, EXPORT_BIN_HEADER.length);
  if (!equalBytes(magic, EXPORT_BIN_HEADER)) {
    throw new ProtocolError('export_bad_header', 'export.bin does not start with "EK Export v1    "');
  }
  const message = decodeStrict(TemporaryExposureKeyExportSchema, bytes.subarray(EXPORT_BIN_HEADER.length), {
    keys: limits.maxKeys,
    revisedKeys: limits.maxKeys,
    signatureInfos: limits.maxSignatures,
  });
  if (message.keys.length + message.revisedKeys.length > limits.maxKeys) {
    throw new ProtocolError('export_too_large', `export.bin has more than ${limits.maxKeys} keys`);
  }
  const header: ExportHeader = {
    startTimestamp: timestamp(message.startTimestamp, 'start_timestamp'),
    endTimestamp: timestamp(message.endTimestamp, 'end_timestamp'),
    region: message.region,
    batchNum: message.batchNum,
    batchSize: message.batchSize,
  };
  checkHeader(header);
  return {
    header,
    signatureInfos: message.signatureInfos.map((info) => ({
      verificationKeyVersion: info.verificationKeyVersion,
      verificationKeyId: info.verificationKeyId,
      signatureAlgorithm: info.signatureAlgorithm,
    })),
    keys: message.keys.map((key, i) => fromKeyMessage(key, `keys[${i}]`)),
    revisedKeys: message.revisedKeys.map((key, i) => fromKeyMessage(key, `revised_keys[${i}]`)),
  };
}

function timestamp(value: bigint, name: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ProtocolError('export_invalid_header', `${name} ${value} is not a plausible Unix time`);
  }
  return Number(value);
}

/** Batch fields and timestamps that make sense together (also enforced when encoding). */
function checkHeader(header: ExportHeader): void {
  const { startTimestamp: start, endTimestamp: end, batchNum, batchSize } = header;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new ProtocolError(
      'export_invalid_header',
      `timestamps ${start}…${end} are not a period in Unix seconds`,
    );
  }
  if (!Number.isInteger(batchSize) || !Number.isInteger(batchNum) || batchNum < 1 || batchNum > batchSize) {
    throw new ProtocolError(
      'export_invalid_header',
      `batch ${batchNum} of ${batchSize} is not a valid batch`,
    );
  }
  if (batchSize > 0x7fffffff) {
    throw new ProtocolError('export_invalid_header', `batch size ${batchSize} does not fit in an int32`);
  }
}
