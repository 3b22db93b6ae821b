import { type BluezoneClient, isApiError, isNetworkError } from '@bluezone/api';
import {
  DEFAULT_EXPORT_LIMITS,
  type ExportFile,
  type ExportPublicKey,
  isProtocolError,
  readExportFile,
} from '@bluezone/protocol';
import type { DownloadBudget } from './download-budget.js';

/** Why a listed file was not used. It is tried again after a back-off (sync-state.ts). */
export interface RejectedFile {
  readonly path: string;
  readonly code:
    | 'export_signature_invalid'
    | 'export_malformed'
    | 'export_wrong_region'
    | 'export_download_failed'
    | 'export_download_timeout'
    | 'export_too_large';
  readonly message: string;
}

/** A listed file not fetched because it does not fit in what the pass may still spend on mobile data. */
export interface DeferredFile {
  readonly path: string;
  readonly code: 'export_waiting_for_wifi';
  /** Its size when the server declared it (the download was refused before its body). */
  readonly declaredBytes?: number | undefined;
}

export interface ExportDownloadOptions {
  readonly client: BluezoneClient;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  /** The file's own time limit, download included. */
  readonly timeoutMs: number;
  /** What the pass may still spend; a file larger than what is left is deferred, not fetched. */
  readonly budget: DownloadBudget;
}

/** A downloaded, verified file of the right region, and its size on the wire. */
export type DownloadedFile = ExportFile & { readonly bytes: number };

/** Resolves an index line: paths with a folder are relative to the export root, bare names to the index's folder. */
export function exportPath(region: string, line: string): string {
  return line.includes('/') ? line : `${region}/${line}`;
}

/**
 * Downloads one listed file within its own time limit and size bound, verifies its signature, then
 * decodes it. A file that is slow, too large, refused by the server, unsigned, malformed or of
 * another region is returned as a `RejectedFile`; only a `NetworkError` that is not a timeout (no
 * network at all) is thrown, since the other files would fail the same way.
 */
export async function downloadExportFile(
  options: ExportDownloadOptions,
  path: string,
): Promise<DownloadedFile | RejectedFile | DeferredFile> {
  const { budget } = options;
  const maxBytes = budget.bound(DEFAULT_EXPORT_LIMITS.maxBytes);
  let zip: Uint8Array;
  try {
    const download = options.client.exportFile(exportPath(options.region, path), {
      timeoutMs: options.timeoutMs,
      maxBytes,
    });
    // A port that ignores `timeoutMs` cannot hold the pass: the runtime gives up a little later.
    zip = await withDeadline(download, options.timeoutMs + Math.min(1000, options.timeoutMs));
  } catch (error) {
    if (error === DEADLINE || (isNetworkError(error) && error.timedOut)) {
      return {
        path,
        code: 'export_download_timeout',
        message: `no complete answer in ${options.timeoutMs} ms`,
      };
    }
    if (isApiError(error, 'response_too_large') && maxBytes < DEFAULT_EXPORT_LIMITS.maxBytes) {
      const declared = error.body.declaredBytes;
      const declaredBytes = typeof declared === 'number' ? declared : undefined;
      // Refused before its body: nothing spent. Otherwise the stream stopped at what was left.
      if (declaredBytes === undefined) budget.spend(budget.remaining);
      return { path, code: 'export_waiting_for_wifi', declaredBytes };
    }
    if (isApiError(error, 'response_too_large'))
      return { path, code: 'export_too_large', message: error.message };
    if (isApiError(error))
      return { path, code: 'export_download_failed', message: `${error.status} ${error.code}` };
    throw error;
  }
  budget.spend(zip.length);
  let file: ExportFile;
  try {
    file = readExportFile(zip, { publicKeys: options.publicKeys });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    const code = error.code === 'export_signature_invalid' ? error.code : 'export_malformed';
    return { path, code, message: error.message };
  }
  if (file.header.region !== options.region) {
    return { path, code: 'export_wrong_region', message: `the file is for region ${file.header.region}` };
  }
  return { ...file, bytes: zip.length };
}

const DEADLINE = Symbol('deadline');

/** The platform's timers, which every JavaScript engine a phone shell embeds has. */
const timers = globalThis as unknown as {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
};

/** `work`, or a rejection with DEADLINE after `ms`; a late rejection of `work` is ignored. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: unknown;
  const deadline = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => reject(DEADLINE), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    timers.clearTimeout(timer);
  }
}
