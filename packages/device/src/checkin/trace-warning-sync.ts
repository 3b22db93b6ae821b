import type { BluezoneClient } from '@bluezone/api';
import {
  type ExportPublicKey,
  matchCheckIns,
  parseExportIndex,
  type TraceTimeIntervalWarning,
} from '@bluezone/protocol';
import type { KeyValueStore } from '../ports/key-value-store.js';
import { RegionSyncState } from '../sync/sync-state.js';
import { type CheckInRecord, hashedCheckIn } from './check-in-record.js';
import { downloadTraceWarningPackage, type RejectedPackage } from './trace-warning-download.js';
import type { VenueOverlap } from './venue-warnings.js';

/** Default least overlap, in CWA's rounded minutes, that raises a venue warning. */
export const DEFAULT_MIN_OVERLAP_MINUTES = 1;
/** Most paths of the index considered (the newest): 14 days of hourly packages, with room. */
export const MAX_PACKAGE_PATHS = 1_000;

export interface TraceWarningSyncOptions {
  readonly client: BluezoneClient;
  readonly store: KeyValueStore;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  /** The phone's check-ins; without any, nothing is downloaded. */
  readonly checkIns: readonly CheckInRecord[];
  readonly nowMs: number;
  readonly fileTimeoutMs: number;
  readonly minOverlapMinutes: number;
  /** Keeps the overlaps found; called before the processed list is saved, even when the pass stops early. */
  readonly record: (overlaps: readonly VenueOverlap[]) => Promise<unknown>;
}

/** What one pass did. */
export interface TraceWarningSyncReport {
  readonly listed: number;
  readonly processed: readonly string[];
  readonly rejected: readonly RejectedPackage[];
  readonly warningsRead: number;
  readonly overlaps: readonly VenueOverlap[];
}

/**
 * One pass over the region's trace warning index (`/v1/trace-warnings/<region>/index.txt`): downloads
 * the packages not processed yet (the same processed list and back-off as export files, under
 * `sync/processed/trace-warnings-<region>`), matches their warnings against every check-in kept
 * (CWA's overlap rule, matchCheckIns) and returns the overlaps. A phone with no check-in downloads
 * nothing: when one appears, the packages still listed (14 days) are all matched. Index and network
 * failures throw and leave the state as it was.
 */
export async function syncTraceWarnings(options: TraceWarningSyncOptions): Promise<TraceWarningSyncReport> {
  const { client, store, region, nowMs, checkIns } = options;
  if (checkIns.length === 0) return { listed: 0, processed: [], rejected: [], warningsRead: 0, overlaps: [] };
  const listed = parseExportIndex(await client.traceWarningIndex(region));
  const paths = listed.slice(Math.max(0, listed.length - MAX_PACKAGE_PATHS));
  const state = await RegionSyncState.load(store, `trace-warnings-${region}`);
  const nowSeconds = Math.floor(nowMs / 1000);
  const hashed = checkIns.map((c) => hashedCheckIn(c, nowSeconds));
  const processed: string[] = [];
  const rejected: RejectedPackage[] = [];
  const overlaps: VenueOverlap[] = [];
  let warningsRead = 0;
  const download = { client, region, publicKeys: options.publicKeys, timeoutMs: options.fileTimeoutMs };
  try {
    for (const path of paths.filter((p) => state.isDue(p, nowMs))) {
      const file = await downloadTraceWarningPackage(download, path);
      if ('code' in file) {
        rejected.push(file);
        state.markFailed(path, file.code, nowMs);
        continue;
      }
      warningsRead += file.warnings.length;
      overlaps.push(...overlapsOf(checkIns, hashed, file.warnings, options.minOverlapMinutes));
      processed.push(path);
      state.markProcessed(path);
    }
  } finally {
    // Overlaps before the processed list: a crash in between only makes the next pass match again.
    await options.record(overlaps);
    await state.save(store, paths);
  }
  return { listed: listed.length, processed, rejected, warningsRead, overlaps };
}

function overlapsOf(
  checkIns: readonly CheckInRecord[],
  hashed: Parameters<typeof matchCheckIns>[0],
  warnings: readonly TraceTimeIntervalWarning[],
  minOverlapMinutes: number,
): VenueOverlap[] {
  return matchCheckIns(hashed, warnings, { minOverlapMinutes }).map((m) => ({
    checkIn: checkIns[m.checkIn] as CheckInRecord,
    date: m.date,
    overlapMinutes: m.overlapMinutes,
    transmissionRiskLevel: m.transmissionRiskLevel,
  }));
}
