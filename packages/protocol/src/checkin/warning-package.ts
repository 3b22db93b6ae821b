// Trace warning packages: a TraceWarningPackage per hour, signed and zipped exactly like a key export
// (export.bin = the package bytes, export.sig = a TEKSignatureList over them, same keys, same zip).

import { create, toBinary } from '@bufbuild/protobuf';
import { isProtocolError, ProtocolError } from '../errors.js';
import type { ExportSigner } from '../export/export-file.js';
import { decodeExportSig, encodeExportSig } from '../export/export-sig.js';
import { exportLimits } from '../export/limits.js';
import { decodeMessage, type PlainMessage } from '../export/message-reader.js';
import {
  type ExportPublicKey,
  type SignatureCheck,
  signExport,
  verifyExportSignatures,
} from '../export/signing.js';
import { readExportZip, writeExportZip } from '../export/zip.js';
import { TraceWarningPackageSchema } from './gen/checkin_pb.js';
import { checkTraceWarning, type TraceTimeIntervalWarning } from './trace-warning.js';

/** The contents of one package. */
export interface TraceWarningPackage {
  /** Hours since the Unix epoch: the hour the warnings were published in. */
  readonly intervalNumber: number;
  /** Region of the warnings, e.g. "VN". */
  readonly region: string;
  readonly warnings: readonly TraceTimeIntervalWarning[];
}

/** Bounds when reading packages from the network. */
export interface TraceWarningLimits {
  /** Largest zip and package, in bytes (default 32 MiB). */
  readonly maxBytes: number;
  /** Most warnings in one package (default 1,000,000). */
  readonly maxWarnings: number;
}

export const DEFAULT_TRACE_WARNING_LIMITS: TraceWarningLimits = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxWarnings: 1_000_000,
});

/** Encodes a package (every warning validated first). */
export function encodeTraceWarningPackage(pkg: TraceWarningPackage): Uint8Array {
  checkHeader(pkg.intervalNumber, pkg.region);
  pkg.warnings.forEach((w, i) => {
    checkTraceWarning(w, `warning ${i}`);
  });
  const message = create(TraceWarningPackageSchema, {
    intervalNumber: pkg.intervalNumber,
    region: pkg.region,
    timeIntervalWarnings: pkg.warnings.map((w) => ({ ...w })),
  });
  return toBinary(TraceWarningPackageSchema, message);
}

/** Decodes and validates a package. Throws ProtocolError `checkin_package_*` or `checkin_invalid_warning`. */
export function decodeTraceWarningPackage(
  bytes: Uint8Array,
  limits: TraceWarningLimits = DEFAULT_TRACE_WARNING_LIMITS,
): TraceWarningPackage {
  if (bytes.length > limits.maxBytes) {
    throw new ProtocolError(
      'checkin_package_too_large',
      `the package has ${bytes.length} bytes, over the ${limits.maxBytes} limit`,
    );
  }
  let m: PlainMessage;
  try {
    m = decodeMessage(TraceWarningPackageSchema, bytes, { timeIntervalWarnings: limits.maxWarnings });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    const code =
      error.code === 'export_too_large' ? 'checkin_package_too_large' : 'checkin_package_malformed';
    throw new ProtocolError(code, `not a valid trace warning package: ${error.message}`, { cause: error });
  }
  const intervalNumber = (m.intervalNumber as number | undefined) ?? 0;
  const region = (m.region as string | undefined) ?? '';
  checkHeader(intervalNumber, region);
  const list = (m.timeIntervalWarnings as PlainMessage[] | undefined) ?? [];
  const warnings = list.map((w, i) => {
    const warning: TraceTimeIntervalWarning = {
      locationIdHash: (w.locationIdHash as Uint8Array | undefined) ?? new Uint8Array(0),
      startIntervalNumber: (w.startIntervalNumber as number | undefined) ?? 0,
      period: (w.period as number | undefined) ?? 0,
      transmissionRiskLevel: (w.transmissionRiskLevel as number | undefined) ?? 0,
    };
    checkTraceWarning(warning, `warning ${i}`);
    return warning;
  });
  return { intervalNumber, region, warnings };
}

/** Encodes, signs (one signature per signer) and zips a package. */
export function buildTraceWarningFile(
  pkg: TraceWarningPackage,
  signers: readonly ExportSigner[],
): Uint8Array {
  if (signers.length === 0) {
    throw new ProtocolError('export_no_signer', 'a trace warning file needs at least one signer');
  }
  const exportBin = encodeTraceWarningPackage(pkg);
  const signatures = signers.map((s) => signExport(exportBin, s.signingKey, s.signatureInfo));
  return writeExportZip({ exportBin, exportSig: encodeExportSig(signatures) });
}

/** A read package with the outcome of each signature (the caller decides what to trust). */
export interface TraceWarningFile extends TraceWarningPackage {
  readonly signatures: readonly SignatureCheck[];
}

/** Unzips, decodes and verifies a package file. Malformed input throws a ProtocolError. */
export function readTraceWarningFile(
  zip: Uint8Array,
  publicKeys: readonly ExportPublicKey[],
  limits: TraceWarningLimits = DEFAULT_TRACE_WARNING_LIMITS,
): TraceWarningFile {
  const zipLimits = exportLimits({ maxBytes: limits.maxBytes });
  const { exportBin, exportSig } = readExportZip(zip, zipLimits);
  const pkg = decodeTraceWarningPackage(exportBin, limits);
  const signatures = verifyExportSignatures(exportBin, decodeExportSig(exportSig, zipLimits), publicKeys);
  return { ...pkg, signatures };
}

function checkHeader(intervalNumber: number, region: string): void {
  if (!Number.isInteger(intervalNumber) || intervalNumber < 0 || intervalNumber > 0xffffffff) {
    throw new ProtocolError('checkin_package_malformed', `hour ${intervalNumber} is not a uint32`);
  }
  if (region.length > 16) {
    throw new ProtocolError('checkin_package_malformed', `region "${region.slice(0, 20)}…" is too long`);
  }
}
