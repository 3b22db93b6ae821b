import { type BluezoneClient, isApiError } from '@bluezone/api';
import {
  DEFAULT_MAX_INDEX_BYTES,
  type DiagnosisKey,
  type ExportPublicKey,
  indexSightings,
  type KeyMatch,
  matchDiagnosisKeys,
  parseExportIndex,
  type RiskConfiguration,
  type Sighting,
  type SightingIndex,
  toHex,
} from '@bluezone/protocol';
import type { KeyValueStore } from '../ports/key-value-store.js';
import { DownloadBudget } from './download-budget.js';
import { type DeferredFile, downloadExportFile, type RejectedFile } from './export-download.js';
import type { ExposureStore } from './exposure-store.js';
import { RegionSyncState } from './sync-state.js';

export { type DeferredFile, exportPath, type RejectedFile } from './export-download.js';

/** Most paths of one index the phone considers (the newest); about 14 days of files at 30 an hour. */
export const MAX_INDEX_FILES = 10_000;
/** Default time limit of one file's download. */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

/** Bounds of a sync pass; every field has a default. */
export interface ExportSyncLimits {
  /** Each file's own time limit (ms), download included; a slow file is skipped and retried later. */
  readonly fileTimeoutMs?: number | undefined;
  /** Most paths of an index considered: the newest ones; older ones are ignored. */
  readonly maxIndexFiles?: number | undefined;
}

/** What one pass over the index did. */
export interface ExportSyncReport {
  /** Paths in the index. */
  readonly listed: number;
  /** Oldest paths not considered because the index listed more than `maxIndexFiles`. */
  readonly ignored: number;
  /** Paths downloaded and processed in this pass. */
  readonly processed: readonly string[];
  /** Files tried in this pass and not used; each waits for its back-off before the next try. */
  readonly rejected: readonly RejectedFile[];
  /** Files that failed earlier and whose next try has not come yet. */
  readonly waiting: number;
  readonly matchedKeys: number;
  /** Bytes downloaded by this pass: the index and the files. */
  readonly downloadedBytes: number;
  /** Keys skipped because another watched set's file of this pass already had them (downloaded twice, matched once). */
  readonly duplicateKeys: number;
  /** Set when the pass stopped because the next download does not fit in the mobile-data budget. */
  readonly deferred?: DeferredFile | undefined;
}

export interface ExportSyncOptions extends ExportSyncLimits {
  readonly client: BluezoneClient;
  readonly store: KeyValueStore;
  readonly exposures: ExposureStore;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  readonly rssiCorrection: number;
  readonly config: RiskConfiguration;
  /** The sighting log, read only when there is something new to match. */
  readonly sightings: () => Promise<readonly Sighting[]>;
  /** Now (ms since 1970, the device's clock): when failed files may be tried again. */
  readonly nowMs: number;
  /** What the pass may spend (shared by the sets of one pass); unlimited by default. */
  readonly budget?: DownloadBudget | undefined;
  /**
   * Keys (hex) already matched in this pass, shared by the watched sets: a key listed in two sets
   * is downloaded twice but matched once. Absent: every key is matched.
   */
  readonly seenKeys?: Set<string> | undefined;
  /** Called after each file of the pass (downloaded and matched, or not used). */
  readonly onProgress?: ((progress: SyncProgress) => void) | undefined;
}

/** How far a pass over one set is: files done of those due. */
export interface SyncProgress {
  readonly set: string;
  readonly done: number;
  readonly due: number;
}

/**
 * One pass over one region: reads its index (bounded: 1 MiB, the newest `maxIndexFiles` paths),
 * downloads the files not processed yet and not waiting for a retry, each within its own time limit
 * and size bound, keeps those signed by a configured key, matches their keys against the sighting
 * log and records the matches. The region's state and the matches are read once and written once, at
 * the end of the pass (also when it stops early). Index and network failures propagate (`ApiError`,
 * `NetworkError`, `ProtocolError`) and leave the state as it was; a bad or slow file is rejected,
 * reported, tried again after a back-off, and the others still count.
 */
export async function syncExports(options: ExportSyncOptions): Promise<ExportSyncReport> {
  const { client, store, region, nowMs } = options;
  const budget = options.budget ?? new DownloadBudget(Number.POSITIVE_INFINITY);
  const spentBefore = budget.spent;
  const indexBound = budget.bound(DEFAULT_MAX_INDEX_BYTES);
  let text: string;
  try {
    text = await client.exportIndex(region, { maxBytes: indexBound });
  } catch (error) {
    if (!isApiError(error, 'response_too_large') || indexBound >= DEFAULT_MAX_INDEX_BYTES) throw error;
    return deferredIndex(region, error.body.declaredBytes);
  }
  budget.spend(asciiLength(text));
  const listed = parseExportIndex(text);
  const maxFiles = options.maxIndexFiles ?? MAX_INDEX_FILES;
  const paths = listed.length > maxFiles ? listed.slice(listed.length - maxFiles) : listed;
  const state = await RegionSyncState.load(store, region);
  const due = paths.filter((p) => state.isDue(p, nowMs));
  const waiting = paths.filter((p) => !state.isProcessed(p)).length - due.length;
  const processed: string[] = [];
  const rejected: RejectedFile[] = [];
  let deferred: DeferredFile | undefined;
  let matchedKeys = 0;
  let duplicateKeys = 0;
  let index: SightingIndex | undefined;
  const matches: KeyMatch[] = [];
  const download = {
    client,
    region,
    publicKeys: options.publicKeys,
    timeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    budget,
  };
  try {
    for (const [i, path] of due.entries()) {
      if (i > 0) options.onProgress?.({ set: region, done: i, due: due.length });
      const file = await downloadExportFile(download, path);
      if ('code' in file && file.code === 'export_waiting_for_wifi') {
        deferred = file;
        break;
      }
      if ('code' in file) {
        rejected.push(file);
        state.markFailed(path, file.code, nowMs);
        continue;
      }
      index ??= indexSightings([...(await options.sightings())]);
      const matching = {
        rssiCorrection: options.rssiCorrection,
        mapping: options.config.diagnosisKeysDataMapping,
      };
      const keys = firstSeen(file.keys, options.seenKeys);
      duplicateKeys += file.keys.length - keys.length;
      const result = matchDiagnosisKeys(keys, index, matching);
      const revised = matchDiagnosisKeys(file.revisedKeys, index, matching);
      matches.push(...result.matches, ...revised.matches);
      matchedKeys += result.matches.length;
      processed.push(path);
      state.markProcessed(path);
    }
    options.onProgress?.({ set: region, done: due.length, due: due.length });
  } finally {
    // Matches before the processed list: a crash in between only makes the next pass match again.
    await options.exposures.add(matches);
    await state.save(store, paths);
  }
  return {
    listed: listed.length,
    ignored: listed.length - paths.length,
    processed,
    rejected,
    waiting,
    matchedKeys,
    downloadedBytes: budget.spent - spentBefore,
    duplicateKeys,
    ...(deferred === undefined ? {} : { deferred }),
  };
}

/** The keys not seen yet in this pass, recorded as seen; all of them when there is no record. */
function firstSeen(keys: readonly DiagnosisKey[], seen: Set<string> | undefined): readonly DiagnosisKey[] {
  if (seen === undefined) return keys;
  return keys.filter((key) => {
    const hex = toHex(key.keyData);
    if (seen.has(hex)) return false;
    seen.add(hex);
    return true;
  });
}

/** A pass that stopped at the index: it does not fit in what is left of the mobile-data budget. */
function deferredIndex(region: string, declared: unknown): ExportSyncReport {
  const declaredBytes = typeof declared === 'number' ? declared : undefined;
  return {
    listed: 0,
    ignored: 0,
    processed: [],
    rejected: [],
    waiting: 0,
    matchedKeys: 0,
    downloadedBytes: 0,
    duplicateKeys: 0,
    deferred: { path: `${region}/index.txt`, code: 'export_waiting_for_wifi', declaredBytes },
  };
}

/** Bytes of an index: its paths are ASCII; any other character counts as up to 3 bytes of UTF-8. */
export function asciiLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes;
}
