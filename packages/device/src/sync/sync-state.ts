import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';

/** A listed file that could not be used, and when it may be fetched again. */
export interface FailedFile {
  readonly code: string;
  readonly failures: number;
  readonly retryAtMs: number;
}

/** The first retry of a failed file comes an hour later; each further failure doubles the wait. */
export const FIRST_RETRY_MS = 60 * 60 * 1000;
/** The longest wait between two tries of a failed file. */
export const MAX_RETRY_MS = 24 * 60 * 60 * 1000;

/** How long to wait before trying a file again after its `failures`-th failure. */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

const PROCESSED = 'sync/processed/';
const FAILED = 'sync/failed/';
const processedKey = (region: string) => `${PROCESSED}${region}`;
const failedKey = (region: string) => `${FAILED}${region}`;

/** The processed lists of trace warning sets sit beside the export sets', under this prefix. */
export const TRACE_WARNING_STATE_PREFIX = 'trace-warnings-';

/** The regions (export sets, and `trace-warnings-<set>`) with a processed or failed list on this phone. */
export async function syncedRegions(store: KeyValueStore): Promise<string[]> {
  const processed = (await store.list(PROCESSED)).map((k) => k.slice(PROCESSED.length));
  const failed = (await store.list(FAILED)).map((k) => k.slice(FAILED.length));
  return [...new Set([...processed, ...failed])];
}

/** Forgets a region's processed and failed lists: it is downloaded from scratch if watched again. */
export async function forgetRegionSyncState(store: KeyValueStore, region: string): Promise<void> {
  await store.delete(processedKey(region));
  await store.delete(failedKey(region));
}

/**
 * One region's sync state: the paths processed and the failed ones with their back-off. Read once
 * at the start of a pass and written once at its end, only what changed; both records keep only
 * paths still listed, so they shrink as the server retires files.
 */
export class RegionSyncState {
  private constructor(
    readonly region: string,
    private readonly storedProcessed: readonly string[],
    private readonly storedFailed: Readonly<Record<string, FailedFile>>,
    private readonly processed = new Set(storedProcessed),
    private readonly failed = new Map(Object.entries(storedFailed)),
  ) {}

  static async load(store: KeyValueStore, region: string): Promise<RegionSyncState> {
    const processed = await getJson<string[]>(store, processedKey(region), []);
    const failed = await getJson<Record<string, FailedFile>>(store, failedKey(region), {});
    return new RegionSyncState(region, Array.isArray(processed) ? processed : [], failed ?? {});
  }

  /** Not processed yet, and not waiting for its retry time. */
  isDue(path: string, nowMs: number): boolean {
    return !this.processed.has(path) && (this.failed.get(path)?.retryAtMs ?? 0) <= nowMs;
  }

  isProcessed(path: string): boolean {
    return this.processed.has(path);
  }

  markProcessed(path: string): void {
    this.processed.add(path);
    this.failed.delete(path);
  }

  markFailed(path: string, code: string, nowMs: number): FailedFile {
    const failures = (this.failed.get(path)?.failures ?? 0) + 1;
    const record = { code, failures, retryAtMs: nowMs + retryDelayMs(failures) };
    this.failed.set(path, record);
    return record;
  }

  /** Writes the records that changed, keeping only the paths of `listed` (at most two writes). */
  async save(store: KeyValueStore, listed: readonly string[]): Promise<void> {
    const processed = listed.filter((p) => this.processed.has(p));
    if (!sameList(processed, this.storedProcessed))
      await setJson(store, processedKey(this.region), processed);
    const failed: Record<string, FailedFile> = {};
    for (const path of listed) {
      const record = this.failed.get(path);
      if (record !== undefined) failed[path] = record;
    }
    if (JSON.stringify(failed) !== JSON.stringify(this.storedFailed)) {
      if (Object.keys(failed).length === 0) await store.delete(failedKey(this.region));
      else await setJson(store, failedKey(this.region), failed);
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
