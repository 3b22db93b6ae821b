import type { BluezoneClient } from '@bluezone/api';
import { type EventUrlOptions, type ExportPublicKey, isoDateOfDay, type UtcDay } from '@bluezone/protocol';
import type { DeviceErrorRecord } from '../device-status.js';
import { type Clock, nowSeconds } from '../ports/clock.js';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { Notifier } from '../ports/platform.js';
import type { RandomSource } from '../ports/random-source.js';
import { firstRetainedDay } from '../retention.js';
import type { DownloadBudget } from '../sync/download-budget.js';
import { syncErrorRecord } from '../sync/sync-error.js';
import type { Language } from '../warnings/warning-state.js';
import { CheckInBook, type CheckInTimes, type VenuePreview } from './check-in-book.js';
import type { CheckInView } from './check-in-record.js';
import { type CheckInShareResult, shareCheckIns } from './check-in-share.js';
import { saveShareChoice, shareCertificate } from './check-in-share-state.js';
import {
  DEFAULT_MIN_OVERLAP_MINUTES,
  syncTraceWarnings,
  type TraceWarningSyncReport,
} from './trace-warning-sync.js';
import { type VenueWarning, VenueWarnings } from './venue-warnings.js';

/** Check-in settings of a device; every field has a default. */
export interface CheckInOptions {
  /** Hosts of our event URLs (`https://<host>/c?v=1#…`); default: the hosts of the server URLs. */
  readonly hosts?: readonly string[] | undefined;
  /** Least overlap (CWA's rounded minutes) that raises a venue warning; default 1. */
  readonly minOverlapMinutes?: number | undefined;
}

export interface DeviceCheckInsDeps {
  readonly store: KeyValueStore;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly notifier: Notifier;
  readonly client: BluezoneClient;
  readonly region: string;
  readonly publicKeys: readonly ExportPublicKey[];
  readonly eventUrls: EventUrlOptions;
  readonly language: Language;
  readonly fileTimeoutMs: number;
  readonly minOverlapMinutes?: number | undefined;
}

/** The last pass over the trace warnings. */
export interface TraceWarningSyncStatus {
  readonly lastSuccessMs: number | null;
  readonly lastError: DeviceErrorRecord | null;
}

const SYNC_STATUS = 'checkin/sync';

/**
 * Venue check-in on the phone (docs/checkin.md): scan or open an event URL, check in and out, edit,
 * delete, 14 days kept; download trace warning packages with the key exports and raise venue
 * warnings; share chosen check-ins after a key upload. Every time is the device clock's.
 */
export class DeviceCheckIns {
  private readonly book: CheckInBook;
  private readonly warnings: VenueWarnings;

  constructor(private readonly deps: DeviceCheckInsDeps) {
    this.book = new CheckInBook(deps.store, deps.random, deps.eventUrls);
    this.warnings = new VenueWarnings(deps.store, deps.notifier, deps.language);
  }

  private now(): number {
    return nowSeconds(this.deps.clock);
  }

  /** What a scanned or opened URL is, before checking in; throws `checkin_*` for a bad code. */
  preview(url: string): Promise<VenuePreview> {
    return this.book.preview(url, this.now());
  }

  checkIn(url: string, lengthMinutes?: number): Promise<CheckInView> {
    return this.book.checkIn(url, this.now(), lengthMinutes);
  }

  /** Newest first. */
  list(): Promise<CheckInView[]> {
    return this.book.list(this.now());
  }

  checkOut(id: string): Promise<CheckInView> {
    return this.book.checkOut(id, this.now());
  }

  edit(id: string, times: CheckInTimes): Promise<CheckInView> {
    return this.book.edit(id, times, this.now());
  }

  delete(id: string): Promise<void> {
    return this.book.delete(id);
  }

  /** Venue warnings in force, newest date first. */
  venueWarnings(): Promise<VenueWarning[]> {
    return this.warnings.all();
  }

  /** 14 days: check-ins by their check-out day, venue warnings by date. */
  async prune(today: UtcDay): Promise<void> {
    await this.book.prune(today);
    await this.warnings.prune(isoDateOfDay(firstRetainedDay(today)));
  }

  /**
   * Downloads the watched sets' new trace warning packages (default: the national set) within the
   * mobile-data budget left, and matches them; never throws for network or server trouble.
   */
  async sync(
    options: { sets?: readonly string[]; budget?: DownloadBudget } = {},
  ): Promise<TraceWarningSyncReport | null> {
    const { deps } = this;
    const nowMs = deps.clock.nowMs();
    const status = await this.syncStatus();
    try {
      const report = await syncTraceWarnings({
        client: deps.client,
        store: deps.store,
        sets: options.sets ?? [deps.region],
        budget: options.budget,
        publicKeys: deps.publicKeys,
        checkIns: await this.book.records(),
        nowMs,
        fileTimeoutMs: deps.fileTimeoutMs,
        minOverlapMinutes: deps.minOverlapMinutes ?? DEFAULT_MIN_OVERLAP_MINUTES,
        record: (overlaps) => this.warnings.add(overlaps, nowMs),
      });
      const rejected = report.rejected[0];
      const lastError =
        rejected === undefined ? null : { code: rejected.code, message: rejected.message, atMs: nowMs };
      await setJson(deps.store, SYNC_STATUS, { lastSuccessMs: nowMs, lastError });
      return report;
    } catch (error) {
      await setJson(deps.store, SYNC_STATUS, { ...status, lastError: syncErrorRecord(error, nowMs) });
      return null;
    }
  }

  syncStatus(): Promise<TraceWarningSyncStatus> {
    return getJson<TraceWarningSyncStatus>(this.deps.store, SYNC_STATUS, {
      lastSuccessMs: null,
      lastError: null,
    });
  }

  /** Whether a key upload's certificate waits for the check-ins' upload. */
  async canShare(): Promise<boolean> {
    return (await shareCertificate(this.deps.store)) !== null;
  }

  /** The check-ins the person chose to share with the coming (or just made) key upload. */
  chooseToShare(ids: readonly string[]): Promise<void> {
    return saveShareChoice(this.deps.store, ids);
  }

  /** Sends the chosen check-ins with the key upload's certificate (see shareCheckIns). */
  async share(): Promise<CheckInShareResult | null> {
    const { client, store, random } = this.deps;
    const checkIns = await this.book.records();
    return shareCheckIns({ client, store, random, checkIns, nowSeconds: this.now() });
  }
}

/** Hosts of our event URLs from the server URLs. */
export function eventHostsOf(urls: readonly unknown[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (typeof url !== 'string') continue;
    const host = /^https?:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase();
    if (host !== undefined) hosts.add(host);
  }
  return [...hosts];
}
