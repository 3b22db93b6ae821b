import type { KeyValueStore } from '../ports/key-value-store.js';
import type { DownloadBudget } from './download-budget.js';
import {
  type DeferredFile,
  type ExportSyncOptions,
  type ExportSyncReport,
  syncExports,
} from './export-sync.js';
import { forgetRegionSyncState, syncedRegions, TRACE_WARNING_STATE_PREFIX } from './sync-state.js';

/**
 * One pass over every watched set: the sum of the sets' reports (paths are the sets' own, e.g.
 * `VN-20/…zip`), each set's report, and where the pass stopped if it waits for Wi-Fi.
 */
export interface WatchSyncReport extends ExportSyncReport {
  /** Each watched set's pass, in the order synced; a set after a deferred one is not in it. */
  readonly sets: readonly { readonly set: string; readonly report: ExportSyncReport }[];
  /** Sets whose state was forgotten because they are no longer watched. */
  readonly forgotten: readonly string[];
  /** The pass stopped here: the next download does not fit in the mobile-data budget. */
  readonly waitingForWifi?: (DeferredFile & { readonly set: string }) | undefined;
}

export interface WatchSyncOptions extends Omit<ExportSyncOptions, 'region' | 'budget' | 'seenKeys'> {
  readonly sets: readonly string[];
  readonly budget: DownloadBudget;
}

/**
 * Syncs each watched set like a single region (its own index, processed list and back-off), all
 * sharing one mobile-data budget and one record of the keys matched in the pass. First it forgets
 * the processed and failed lists of sets no longer watched, so removing a province stops its
 * downloads and adding it again later backfills what its index still lists (14 days).
 */
export async function syncWatchedSets(options: WatchSyncOptions): Promise<WatchSyncReport> {
  const forgotten = await forgetUnwatched(options.store, options.sets);
  const seenKeys = options.sets.length > 1 ? new Set<string>() : undefined;
  const sets: { set: string; report: ExportSyncReport }[] = [];
  let waitingForWifi: WatchSyncReport['waitingForWifi'];
  for (const set of options.sets) {
    const report = await syncExports({ ...options, region: set, seenKeys });
    sets.push({ set, report });
    if (report.deferred !== undefined) {
      waitingForWifi = { ...report.deferred, set };
      break;
    }
  }
  const sum = (pick: (r: ExportSyncReport) => number) => sets.reduce((n, s) => n + pick(s.report), 0);
  return {
    listed: sum((r) => r.listed),
    ignored: sum((r) => r.ignored),
    processed: sets.flatMap((s) => s.report.processed),
    rejected: sets.flatMap((s) => s.report.rejected),
    waiting: sum((r) => r.waiting),
    matchedKeys: sum((r) => r.matchedKeys),
    downloadedBytes: sum((r) => r.downloadedBytes),
    duplicateKeys: sum((r) => r.duplicateKeys),
    sets,
    forgotten,
    ...(waitingForWifi === undefined ? {} : { deferred: waitingForWifi, waitingForWifi }),
  };
}

async function forgetUnwatched(store: KeyValueStore, watched: readonly string[]): Promise<string[]> {
  // Trace warning sets' lists are the check-ins' sync's (it forgets its own).
  const forgotten = (await syncedRegions(store)).filter(
    (set) => !set.startsWith(TRACE_WARNING_STATE_PREFIX) && !watched.includes(set),
  );
  for (const set of forgotten) await forgetRegionSyncState(store, set);
  return forgotten;
}
