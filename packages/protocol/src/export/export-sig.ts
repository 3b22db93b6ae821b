// export.sig: a TEKSignatureList with one TEKSignature per signing key (two while keys rotate).

import { create, toBinary } from '@bufbuild/protobuf';
import { ProtocolError } from '../errors.js';
import { TEKSignatureListSchema } from './gen/export_pb.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './limits.js';
import type { TekSignature } from './types.js';
import { decodeStrict } from './wire-reader.js';

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
  const list = decodeStrict(TEKSignatureListSchema, bytes, { signatures: limits.maxSignatures });
  return list.signatures.map((s, i) => {
    if (s.signatureInfo === undefined) {
      throw new ProtocolError('export_invalid_signature', `export.sig signature ${i} has no signature_info`);
    }
    if (s.signature.length === 0 || s.signature.length > MAX_SIGNATURE_BYTES) {
      throw new ProtocolError(
        'export_invalid_signature',
        `export.sig signature ${i} has ${s.signature.length} bytes, not a DER ECDSA P-256 signature`,
      );
    }
    const info = s.signatureInfo;
    return {
      signatureInfo: {
        verificationKeyVersion: info.verificationKeyVersion,
        verificationKeyId: info.verificationKeyId,
        signatureAlgorithm: info.signatureAlgorithm,
      },
      batchNum: s.batchNum,
      batchSize: s.batchSize,
      signature: s.signature,
    };
  });
}
