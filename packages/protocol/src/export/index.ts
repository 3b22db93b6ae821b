// Export files (docs/protocol.md §4): export.bin, export.sig, the zip, the index, signing and verifying.
export { decodeExportBin, EXPORT_BIN_HEADER, encodeExportBin } from './export-bin.js';
export {
  type BuildExportFileOptions,
  buildExportFile,
  type ExportFile,
  type ExportSigner,
  type ReadExportFileOptions,
  readExportFile,
} from './export-file.js';
export { buildExportIndex, DEFAULT_MAX_INDEX_BYTES, parseExportIndex } from './export-index.js';
export { decodeExportSig, encodeExportSig } from './export-sig.js';
export { DEFAULT_EXPORT_LIMITS, type ExportLimits, exportLimits } from './limits.js';
export { parsePrivateKeyPem, parsePublicKeyPem } from './pem-keys.js';
export {
  type BatchPosition,
  type ExportPublicKey,
  type SignatureCheck,
  signExport,
  signExportDigest,
  verifyExportSignatures,
} from './signing.js';
export {
  ECDSA_SHA256_OID,
  type ExportContents,
  type ExportHeader,
  type SignatureInfo,
  type TekSignature,
} from './types.js';
export {
  EXPORT_BIN_NAME,
  EXPORT_SIG_NAME,
  type ExportZipEntries,
  readExportZip,
  writeExportZip,
} from './zip.js';
