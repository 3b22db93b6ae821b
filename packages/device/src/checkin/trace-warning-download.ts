import { type BluezoneClient, isApiError, isNetworkError } from '@bluezone/api';
import {
  type ExportPublicKey,
  isProtocolError,
  readTraceWarningFile,
  type TraceWarningFile,
} from '@bluezone/protocol';

/** Why a listed package was not used; it is tried again after the export files' back-off. */
export interface RejectedPackage {
  readonly path: string;
  readonly code:
    | 'checkin_package_download_failed'
    | 'checkin_package_too_large'
    | 'checkin_package_malformed'
    | 'checkin_package_signature_invalid'
    | 'checkin_package_wrong_region';
  readonly message: string;
}

export interface PackageDownloadOptions {
  readonly client: BluezoneClient;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  readonly timeoutMs: number;
}

/**
 * Downloads one trace warning package (bounded, within its time limit), checks that a configured
 * export key signed it and that it is the region's. A refused, slow, hostile or unsigned package is
 * returned as a `RejectedPackage`; no network at all throws (the others would fail the same way).
 */
export async function downloadTraceWarningPackage(
  options: PackageDownloadOptions,
  path: string,
): Promise<TraceWarningFile | RejectedPackage> {
  let zip: Uint8Array;
  try {
    zip = await options.client.traceWarningFile(path, { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (isNetworkError(error) && !error.timedOut) throw error;
    if (isApiError(error, 'response_too_large'))
      return { path, code: 'checkin_package_too_large', message: error.message };
    if (isApiError(error) || isNetworkError(error)) {
      return { path, code: 'checkin_package_download_failed', message: error.message };
    }
    throw error;
  }
  let file: TraceWarningFile;
  try {
    file = readTraceWarningFile(zip, options.publicKeys);
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    const code = error.code === 'checkin_package_too_large' ? error.code : 'checkin_package_malformed';
    return { path, code, message: `${error.code}: ${error.message}` };
  }
  if (!file.signatures.some((s) => s.valid)) {
    return { path, code: 'checkin_package_signature_invalid', message: 'no valid signature by a known key' };
  }
  if (file.region !== options.region) {
    return { path, code: 'checkin_package_wrong_region', message: `the package is for ${file.region}` };
  }
  return file;
}
