// export.sig: a TEKSignatureList with one TEKSignature per signing key (two while keys rotate).
// Small and written once per file, so it goes through protobuf-es's toBinary; read strictly.

import { create, toBinary } from '@bufbuild/protobuf';
import { ProtocolError } from '../errors.js';
import { signatureInfoFromMessage } from './export-bin.js';
import { TEKSignatureListSchema } from './gen/export_pb.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './limits.js';
import { decodeMessage, type PlainMessage } from './message-reader.js';
import type { TekSignature } from './types.js';

/** DER ECDSA P-256 signatures are 8…72 bytes; anything longer is not one. */
const MAX_SIGNATURE_BYTES = 72;

/** Encodes export.sig. */
export function encodeExportSig(signatures: readonly TekSignature[]): Uint8Array {
  const message = create(TEKSignatureListSchema, {
    signatures: signatures.map((s) => ({
      signatureInfo: { ...s.signatureInfo },
      batchNum: s.batchNum,
      batchSize: s.batchSize,
      signature: s.signature,
    })),
  });
  return toBinary(TEKSignatureListSchema, message);
}

/** Decodes export.sig; throws ProtocolError (`export_…` codes) on anything malformed or oversized. */
export function decodeExportSig(
  bytes: Uint8Array,
  limits: ExportLimits = DEFAULT_EXPORT_LIMITS,
): TekSignature[] {
  if (bytes.length > limits.maxSignatureBytes) {
    throw new ProtocolError(
      'export_too_large',
      `export.sig has ${bytes.length} bytes, over the ${limits.maxSignatureBytes} limit`,
    );
  }
  const list = decodeMessage(TEKSignatureListSchema, bytes, { signatures: limits.maxSignatures });
  const signatures = (list.signatures as PlainMessage[] | undefined) ?? [];
  return signatures.map((s, i) => {
    const info = s.signatureInfo as PlainMessage | undefined;
    if (info === undefined) {
      throw new ProtocolError('export_invalid_signature', `export.sig signature ${i} has no signature_info`);
    }
    const signature = (s.signature as Uint8Array | undefined) ?? new Uint8Array(0);
    if (signature.length === 0 || signature.length > MAX_SIGNATURE_BYTES) {
      throw new ProtocolError(
        'export_invalid_signature',
        `export.sig signature ${i} has ${signature.length} bytes, not a DER ECDSA P-256 signature`,
      );
    }
    return {
      signatureInfo: signatureInfoFromMessage(info),
      batchNum: (s.batchNum as number | undefined) ?? 0,
      batchSize: (s.batchSize as number | undefined) ?? 0,
      signature,
    };
  });
}
