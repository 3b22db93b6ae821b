// The API servers and phones use: keys → signed zip, and zip → verified keys.

import type { DiagnosisKey } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { decodeExportBin, encodeExportBin } from './export-bin.js';
import { decodeExportSig, encodeExportSig } from './export-sig.js';
import { type ExportLimits, exportLimits } from './limits.js';
import { type ExportPublicKey, type SignatureCheck, signExport, verifyExportSignatures } from './signing.js';
import type { ExportContents, ExportHeader, SignatureInfo } from './types.js';
import { readExportZip, writeExportZip } from './zip.js';

/** A key the file is signed with: the P-256 secret scalar and how phones find the matching public key. */
export interface ExportSigner {
  readonly signingKey: Uint8Array;
  readonly signatureInfo: SignatureInfo;
}

/** What goes into one export file. Padding with fake keys is the caller's job. */
export interface BuildExportFileOptions extends ExportHeader {
  readonly keys: readonly DiagnosisKey[];
  readonly revisedKeys?: readonly DiagnosisKey[];
  /** At least one; two while verification keys rotate. */
  readonly signers: readonly ExportSigner[];
}

/** Encodes export.bin (keys sorted by key bytes), signs it with every signer, and zips both files. */
export function buildExportFile(options: BuildExportFileOptions): Uint8Array {
  const { keys, revisedKeys = [], signers, ...header } = options;
  if (signers.length === 0)
    throw new ProtocolError('export_no_signer', 'an export file needs at least one signer');
  const exportBin = encodeExportBin({
    header,
    signatureInfos: signers.map((s) => s.signatureInfo),
    keys,
    revisedKeys,
  });
  const batch = { batchNum: header.batchNum, batchSize: header.batchSize };
  const signatures = signers.map((s) => signExport(exportBin, s.signingKey, s.signatureInfo, batch));
  return writeExportZip({ exportBin, exportSig: encodeExportSig(signatures) });
}

/** How to read an export file: the trusted public keys, and optional limits. */
export interface ReadExportFileOptions {
  readonly publicKeys: readonly ExportPublicKey[];
  /** Largest zip and export.bin accepted (default DEFAULT_EXPORT_LIMITS.maxBytes). */
  readonly maxBytes?: number;
  /** Other limits; `maxBytes` above wins over `limits.maxBytes`. */
  readonly limits?: Partial<ExportLimits>;
}

/** A decoded export file with the outcome of each signature. */
export interface ExportFile extends ExportContents {
  readonly signatures: readonly SignatureCheck[];
}

/**
 * Unzips an export file, verifies export.sig over the raw export.bin bytes, and only then decodes
 * export.bin: untrusted protobuf is never parsed. Malformed input throws a ProtocolError, and so does
 * a file no signature of which verifies with a trusted key (`export_signature_invalid`); the outcome
 * of every signature is reported, so a file signed during a key rotation shows which key failed.
 * Tools that inspect untrusted files use `readExportZip`, `verifyExportSignatures` and
 * `decodeExportBin` themselves.
 */
export function readExportFile(zip: Uint8Array, options: ReadExportFileOptions): ExportFile {
  const limits = exportLimits({ ...options.limits, maxBytes: options.maxBytes ?? options.limits?.maxBytes });
  const { exportBin, exportSig } = readExportZip(zip, limits);
  const signatures = verifyExportSignatures(
    exportBin,
    decodeExportSig(exportSig, limits),
    options.publicKeys,
  );
  if (!signatures.some((s) => s.valid)) {
    const tried = signatures.map((s) => `${s.keyId}/${s.keyVersion}`).join(', ') || 'none';
    throw new ProtocolError(
      'export_signature_invalid',
      `no signature of the file verifies with a trusted key (signatures: ${tried})`,
    );
  }
  return { ...decodeExportBin(exportBin, limits), signatures };
}
