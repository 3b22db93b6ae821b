import type { BluezoneClient } from '@bluezone/api';
import {
  type ExportPublicKey,
  indexSightings,
  type KeyMatch,
  matchDiagnosisKeys,
  parseExportIndex,
  type RiskConfiguration,
  type Sighting,
  type SightingIndex,
} from '@bluezone/protocol';
import type { KeyValueStore } from '../ports/key-value-store.js';
import { downloadExportFile, type RejectedFile } from './export-download.js';
import type { ExposureStore } from './exposure-store.js';
import { RegionSyncState } from './sync-state.js';

export { exportPath, type RejectedFile } from './export-download.js';

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
  const listed = parseExportIndex(await client.exportIndex(region));
  const maxFiles = options.maxIndexFiles ?? MAX_INDEX_FILES;
  const paths = listed.length > maxFiles ? listed.slice(listed.length - maxFiles) : listed;
  const state = await RegionSyncState.load(store, region);
  const due = paths.filter((p) => state.isDue(p, nowMs));
  const waiting = paths.filter((p) => !state.isProcessed(p)).length - due.length;
  const processed: string[] = [];
  const rejected: RejectedFile[] = [];
  let matchedKeys = 0;
  let index: SightingIndex | undefined;
  const matches: KeyMatch[] = [];
  const download = {
    client,
    region,
    publicKeys: options.publicKeys,
    timeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
  };
  try {
    for (const path of due) {
      const file = await downloadExportFile(download, path);
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
      const result = matchDiagnosisKeys(file.keys, index, matching);
      const revised = matchDiagnosisKeys(file.revisedKeys, index, matching);
      matches.push(...result.matches, ...revised.matches);
      matchedKeys += result.matches.length;
      processed.push(path);
      state.markProcessed(path);
    }
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
  };
}
