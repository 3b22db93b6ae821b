import { type BluezoneClient, isApiError } from '@bluezone/api';
import {
  DEFAULT_MAX_INDEX_BYTES,
  type ExportPublicKey,
  matchCheckIns,
  parseExportIndex,
  type TraceTimeIntervalWarning,
} from '@bluezone/protocol';
import type { KeyValueStore } from '../ports/key-value-store.js';
import { DownloadBudget } from '../sync/download-budget.js';
import { asciiLength } from '../sync/export-sync.js';
import {
  forgetRegionSyncState,
  RegionSyncState,
  syncedRegions,
  TRACE_WARNING_STATE_PREFIX,
} from '../sync/sync-state.js';
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
  /** The watched sets (`VN`, or provinces such as `VN-20`): the key exports' sets. */
  readonly sets: readonly string[];
  readonly publicKeys: readonly ExportPublicKey[];
  /** The phone's check-ins; without any, nothing is downloaded. */
  readonly checkIns: readonly CheckInRecord[];
  readonly nowMs: number;
  readonly fileTimeoutMs: number;
  readonly minOverlapMinutes: number;
  /** The mobile-data budget left by the key exports' pass (default: unlimited). */
  readonly budget?: DownloadBudget | undefined;
  /** Keeps the overlaps found; called per set before its processed list is saved, even when the pass stops early. */
  readonly record: (overlaps: readonly VenueOverlap[]) => Promise<unknown>;
}

/** What one pass did. */
export interface TraceWarningSyncReport {
  readonly listed: number;
  readonly processed: readonly string[];
  readonly rejected: readonly RejectedPackage[];
  readonly warningsRead: number;
  readonly overlaps: readonly VenueOverlap[];
  /** Bytes of the indexes and packages read (counted in the phone's data used). */
  readonly downloadedBytes: number;
  /** The pass stopped here: the next download does not fit in the mobile-data budget. */
  readonly waitingForWifi?: string | undefined;
}

const EMPTY: TraceWarningSyncReport = {
  listed: 0,
  processed: [],
  rejected: [],
  warningsRead: 0,
  overlaps: [],
  downloadedBytes: 0,
};

/**
 * One pass over the watched sets' trace warning indexes (`/v1/trace-warnings/<set>/index.txt`):
 * downloads the packages not processed yet (the same processed list and back-off as export files,
 * under `sync/processed/trace-warnings-<set>`), matches their warnings against every check-in kept
 * (CWA's overlap rule, matchCheckIns) and returns the overlaps, once each even when two watched sets
 * carry the same warning. A phone with no check-in downloads nothing: when one appears, the packages
 * still listed (14 days) are all matched. Sets no longer watched are forgotten. Index and network
 * failures throw; what was processed before is kept.
 */
export async function syncTraceWarnings(options: TraceWarningSyncOptions): Promise<TraceWarningSyncReport> {
  const { store, sets, checkIns } = options;
  if (checkIns.length === 0) return EMPTY;
  for (const synced of await syncedRegions(store))
    if (
      synced.startsWith(TRACE_WARNING_STATE_PREFIX) &&
      !sets.includes(synced.slice(TRACE_WARNING_STATE_PREFIX.length))
    )
      await forgetRegionSyncState(store, synced);
  const budget = options.budget ?? new DownloadBudget(Number.POSITIVE_INFINITY);
  const hashed = checkIns.map((c) => hashedCheckIn(c, Math.floor(options.nowMs / 1000)));
  const seen = new Set<string>();
  const reports: TraceWarningSyncReport[] = [];
  let waitingForWifi: string | undefined;
  for (const set of sets) {
    const report = await syncSet(options, set, budget, (warnings) =>
      overlapsOf(checkIns, hashed, warnings, options.minOverlapMinutes).filter((o) => {
        const key = `${o.checkIn.id} ${o.date} ${o.overlapMinutes} ${o.transmissionRiskLevel}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
    reports.push(report);
    waitingForWifi = report.waitingForWifi;
    if (waitingForWifi !== undefined) break;
  }
  const sum = (pick: (r: TraceWarningSyncReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  return {
    listed: sum((r) => r.listed),
    processed: reports.flatMap((r) => r.processed),
    rejected: reports.flatMap((r) => r.rejected),
    warningsRead: sum((r) => r.warningsRead),
    overlaps: reports.flatMap((r) => r.overlaps),
    downloadedBytes: sum((r) => r.downloadedBytes),
    ...(waitingForWifi === undefined ? {} : { waitingForWifi }),
  };
}

/**
 * One set: its index, then its due packages, in order; the overlaps found are recorded, then its
 * processed list is saved, once, at the end (a crash in between only makes the next pass match again).
 */
async function syncSet(
  options: TraceWarningSyncOptions,
  set: string,
  budget: DownloadBudget,
  match: (warnings: readonly TraceTimeIntervalWarning[]) => VenueOverlap[],
): Promise<TraceWarningSyncReport> {
  const { client, store, nowMs } = options;
  const spentBefore = budget.spent;
  const indexBound = budget.bound(DEFAULT_MAX_INDEX_BYTES);
  let text: string;
  try {
    text = await client.traceWarningIndex(set, { maxBytes: indexBound });
  } catch (error) {
    if (!isApiError(error, 'response_too_large') || indexBound >= DEFAULT_MAX_INDEX_BYTES) throw error;
    return { ...EMPTY, waitingForWifi: `${set}/index.txt` };
  }
  budget.spend(asciiLength(text));
  const listed = parseExportIndex(text);
  const paths = listed.slice(Math.max(0, listed.length - MAX_PACKAGE_PATHS));
  const state = await RegionSyncState.load(store, `${TRACE_WARNING_STATE_PREFIX}${set}`);
  const processed: string[] = [];
  const rejected: RejectedPackage[] = [];
  const overlaps: VenueOverlap[] = [];
  let warningsRead = 0;
  let waitingForWifi: string | undefined;
  const download = {
    client,
    region: set,
    publicKeys: options.publicKeys,
    timeoutMs: options.fileTimeoutMs,
    budget,
  };
  try {
    for (const path of paths.filter((p) => state.isDue(p, nowMs))) {
      const file = await downloadTraceWarningPackage(download, path);
      if ('warnings' in file) {
        warningsRead += file.warnings.length;
        overlaps.push(...match(file.warnings));
        processed.push(path);
        state.markProcessed(path);
      } else if (file.code === 'waiting_for_wifi') {
        waitingForWifi = path;
        break;
      } else {
        rejected.push(file);
        state.markFailed(path, file.code, nowMs);
      }
    }
  } finally {
    await options.record(overlaps);
    await state.save(store, paths);
  }
  return {
    listed: listed.length,
    processed,
    rejected,
    warningsRead,
    overlaps,
    downloadedBytes: budget.spent - spentBefore,
    ...(waitingForWifi === undefined ? {} : { waitingForWifi }),
  };
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
