import { type BluezoneClient, isApiError, isNetworkError } from '@bluezone/api';
import {
  DEFAULT_EXPORT_LIMITS,
  type ExportPublicKey,
  isProtocolError,
  readTraceWarningFile,
  type TraceWarningFile,
} from '@bluezone/protocol';
import type { DownloadBudget } from '../sync/download-budget.js';

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
  /** The mobile-data budget the pass shares with the key exports; spent by every byte read. */
  readonly budget: DownloadBudget;
}

/** The package does not fit in what is left of the mobile-data budget: the pass stops, nothing is marked. */
export interface DeferredPackage {
  readonly path: string;
  readonly code: 'waiting_for_wifi';
}

/**
 * Downloads one trace warning package (bounded, within its time limit), checks that a configured
 * export key signed it and that it is the region's. A refused, slow, hostile or unsigned package is
 * returned as a `RejectedPackage`; no network at all throws (the others would fail the same way).
 */
export async function downloadTraceWarningPackage(
  options: PackageDownloadOptions,
  path: string,
): Promise<TraceWarningFile | RejectedPackage | DeferredPackage> {
  const { budget } = options;
  const maxBytes = budget.bound(DEFAULT_EXPORT_LIMITS.maxBytes);
  let zip: Uint8Array;
  try {
    zip = await options.client.traceWarningFile(path, { timeoutMs: options.timeoutMs, maxBytes });
  } catch (error) {
    if (isNetworkError(error) && !error.timedOut) throw error;
    if (isApiError(error, 'response_too_large') && maxBytes < DEFAULT_EXPORT_LIMITS.maxBytes) {
      // Refused before its body (declared too large): nothing spent; else the stream stopped at the bound.
      if (typeof error.body.declaredBytes !== 'number') budget.spend(budget.remaining);
      return { path, code: 'waiting_for_wifi' };
    }
    if (isApiError(error, 'response_too_large'))
      return { path, code: 'checkin_package_too_large', message: error.message };
    if (isApiError(error) || isNetworkError(error)) {
      return { path, code: 'checkin_package_download_failed', message: error.message };
    }
    throw error;
  }
  budget.spend(zip.length);
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
