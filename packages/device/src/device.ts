import { type BluezoneClient, createBluezoneClient } from '@bluezone/api';
import {
  assessExposureRisk,
  type DeviceCalibration,
  intervalOf,
  lookupCalibration,
  type RiskConfiguration,
  type UtcDay,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { DeviceCheckIns, eventHostsOf } from './checkin/device-check-ins.js';
import type { DeviceOptions } from './device-options.js';
import type { DeviceErrorRecord, DeviceStatus, SyncStatusRecord, WaitingForWifi } from './device-status.js';
import { OwnKeys } from './keys/own-keys.js';
import { type NearbyDevice, nearbyDevices } from './nearby/nearby-scan.js';
import { nowSeconds } from './ports/clock.js';
import { getJson, setJson } from './ports/key-value-store.js';
import type { HeardAdvertisement } from './ports/radio.js';
import { SightingLog } from './sightings/sighting-log.js';
import { addDataUsed, type DataUsed, readDataUsed } from './sync/data-usage.js';
import {
  type DataSettings,
  DownloadBudget,
  readDataSettings,
  saveDataSettings,
} from './sync/download-budget.js';
import { DEFAULT_FILE_TIMEOUT_MS, type SyncProgress } from './sync/export-sync.js';
import { ExposureStore } from './sync/exposure-store.js';
import { resolveRiskConfiguration } from './sync/risk-options.js';
import { syncErrorRecord } from './sync/sync-error.js';
import { readWatchList, saveWatchList, type WatchList, watchedSets } from './sync/watch-list.js';
import { syncWatchedSets, type WatchSyncReport } from './sync/watch-sync.js';
import {
  confirmUpload,
  type PreparedUpload,
  pendingUpload,
  prepareUpload,
  type UploadConfirmation,
  type UploadDeps,
  type UploadResult,
} from './upload/upload-flow.js';
import { type ExposureWarning, WarningState } from './warnings/warning-state.js';

const FIRST_DAY = 'status/first-day';
const SYNC_STATUS = 'status/sync';
const RISK_CONFIGURATION = 'sync/risk-configuration';

/** What `download` did: the report of the pass (absent when an index could not be read). */
export interface DownloadOutcome {
  readonly report?: WatchSyncReport | undefined;
  readonly error?: DeviceErrorRecord | undefined;
  /** Bytes the download spent (indexes, files, configuration): `assess` spends only what is left. */
  readonly spentBytes?: number | undefined;
}

/** What `sync` did: the report of the pass (absent when an index could not be read), and the warning in force. */
export interface SyncOutcome extends DownloadOutcome {
  readonly warning: ExposureWarning | null;
}

/**
 * The phone's runtime: own keys and advertising, what it hears, sync and warnings, upload, nearby
 * scan, status. It owns no timer: the host calls `tick()` every minute or so (and on wake-up), and
 * `sync()` every few hours; everything else is driven by the ports' callbacks and the user.
 */
export class BluezoneDevice {
  readonly calibration: DeviceCalibration;
  readonly client: BluezoneClient;
  /** The risk configuration in force: the server's last valid one, else the one given in the options. */
  private riskConfig: RiskConfiguration;
  /** The phone's own keys (read by tests and the simulator's shared matcher). */
  readonly ownKeys: OwnKeys;
  private readonly log: SightingLog;
  private readonly exposures: ExposureStore;
  private readonly warnings: WarningState;
  /** Venue check-ins, venue warnings, sharing check-ins on upload (docs/checkin.md). */
  readonly checkIns: DeviceCheckIns;
  private advertisedInterval: number | undefined;

  constructor(private readonly options: DeviceOptions) {
    const { ports } = options;
    this.calibration = lookupCalibration(options.phone);
    this.riskConfig = resolveRiskConfiguration(options.risk ?? 'bluezone');
    this.client = createBluezoneClient({
      transport: (request) => ports.http.request(request),
      ...options.server,
    });
    this.ownKeys = new OwnKeys(ports.store, ports.random, this.calibration);
    this.log = new SightingLog(ports.store);
    this.exposures = new ExposureStore(ports.store);
    this.warnings = new WarningState(ports.store, ports.notifier, options.language ?? 'vi');
    this.checkIns = new DeviceCheckIns({
      ...ports,
      client: this.client,
      region: options.region,
      publicKeys: options.exportPublicKeys,
      eventUrls: { hosts: options.checkIns?.hosts ?? eventHostsOf(Object.values(options.server)) },
      language: options.language ?? 'vi',
      fileTimeoutMs: options.sync?.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
      minOverlapMinutes: options.checkIns?.minOverlapMinutes,
    });
  }

  /** The risk configuration exposures are scored with. */
  get risk(): RiskConfiguration {
    return this.riskConfig;
  }

  /** Starts advertising and scanning. */
  async start(): Promise<void> {
    await this.loadRiskConfiguration();
    const today = this.today();
    if ((await getJson<number | null>(this.options.ports.store, FIRST_DAY, null)) === null) {
      await setJson(this.options.ports.store, FIRST_DAY, today);
    }
    await this.tick();
    await this.options.ports.scanner?.start({
      onAdvertisement: (heard) => this.hear(heard),
      // A failed write keeps the sightings buffered for the next flush.
      onScanComplete: () => void this.flush().catch(() => undefined),
    });
  }

  async stop(): Promise<void> {
    await this.options.ports.scanner?.stop();
    await this.options.ports.advertiser?.stop();
    this.advertisedInterval = undefined;
    await this.flush();
  }

  /** Retention, today's key, and a new advertisement when the interval changed. */
  async tick(): Promise<void> {
    const seconds = nowSeconds(this.options.ports.clock);
    await this.maintain(utcDayOfSeconds(seconds));
    const interval = intervalOf(seconds);
    if (interval !== this.advertisedInterval && this.options.ports.advertiser !== undefined) {
      await this.options.ports.advertiser.start(await this.ownKeys.advertisementAt(seconds));
      this.advertisedInterval = interval;
    }
  }

  /** One advertisement from the scanner (the scanner port calls it; tests may too). */
  hear(heard: HeardAdvertisement): boolean {
    return this.log.hear(heard, nowSeconds(this.options.ports.clock));
  }

  /** Persists what was heard since the last flush. */
  async flush(): Promise<void> {
    await this.log.flush(nowSeconds(this.options.ports.clock));
  }

  /** Downloads new export files, matches, scores, and warns; never throws for network or server trouble. */
  async sync(): Promise<SyncOutcome> {
    await this.maintain(this.today());
    return this.assess(await this.download());
  }

  /**
   * Sync, step 1: the watched sets' new files, downloaded within the mobile-data budget, verified
   * and matched against the stored sightings; the matches, the sets' processed lists, the data used
   * and the sync status are stored. It writes no key and no sighting, so it may run in another
   * context on the same store (the app runs it in a Web Worker) while this one keeps scanning;
   * `assess` then scores and warns. Never throws for network or server trouble.
   */
  async download(options: { onProgress?: (progress: SyncProgress) => void } = {}): Promise<DownloadOutcome> {
    const { store, clock } = this.options.ports;
    const today = this.today();
    await this.exposures.prune(today);
    const status = await getJson<SyncStatusRecord>(store, SYNC_STATUS, {
      lastSuccessMs: null,
      lastError: null,
    });
    const settings = await readDataSettings(store);
    const connection = this.options.ports.network?.connection();
    const budget = DownloadBudget.of(settings, connection ?? 'unmetered');
    let report: WatchSyncReport | undefined;
    let error: DeviceErrorRecord | undefined;
    try {
      await this.refreshRiskConfiguration(budget);
      report = await syncWatchedSets({
        client: this.client,
        store,
        exposures: this.exposures,
        sets: await this.watchedSets(),
        publicKeys: this.options.exportPublicKeys,
        rssiCorrection: this.calibration.rssiCorrection,
        config: this.risk,
        sightings: () => this.log.all(),
        nowMs: clock.nowMs(),
        budget,
        onProgress: options.onProgress,
        ...this.options.sync,
      });
    } catch (caught) {
      error = syncErrorRecord(caught, clock.nowMs());
    } finally {
      await addDataUsed(store, today, budget.spent);
    }
    const spentBytes = budget.spent;
    if (report === undefined) {
      await setJson(store, SYNC_STATUS, { ...status, lastError: error ?? null });
      return { error, spentBytes };
    }
    const rejected = report.rejected[0];
    const lastError =
      rejected === undefined
        ? null
        : { code: rejected.code, message: `${rejected.path}: ${rejected.message}`, atMs: clock.nowMs() };
    const waiting = report.waitingForWifi;
    const waitingForWifi: WaitingForWifi | null =
      waiting === undefined
        ? null
        : {
            set: waiting.set,
            path: waiting.path,
            declaredBytes: waiting.declaredBytes ?? null,
            thresholdBytes: budget.limitBytes,
          };
    await setJson(store, SYNC_STATUS, { lastSuccessMs: clock.nowMs(), lastError, waitingForWifi });
    return { report, spentBytes, ...(lastError === null ? {} : { error: lastError }) };
  }

  /**
   * Sync, step 2: scores the stored exposure windows with the risk configuration in force (the one
   * `download` stored, also when it ran in another context) and warns.
   */
  async assess(downloaded: DownloadOutcome = {}): Promise<SyncOutcome> {
    // Venue warnings: the watched sets' trace warning packages (small) are fetched and matched here,
    // on the context that shows and notifies them, within what the download left of the mobile-data
    // budget, and counted in the data used; never throws for network or server trouble.
    await this.syncCheckIns(downloaded.spentBytes ?? 0);
    await this.loadRiskConfiguration();
    if (downloaded.report === undefined) return { ...downloaded, warning: await this.warnings.current() };
    const { clock } = this.options.ports;
    const risk = assessExposureRisk(await this.exposures.windows(), this.risk, this.today());
    const warning = await this.warnings.merge(risk, this.risk, clock.nowMs());
    return { ...downloaded, warning };
  }

  private async syncCheckIns(spentBytes: number): Promise<void> {
    const { store, network } = this.options.ports;
    const budget = DownloadBudget.of(await readDataSettings(store), network?.connection() ?? 'unmetered');
    budget.spend(spentBytes);
    try {
      await this.checkIns.sync({ sets: await this.watchedSets(), budget });
    } finally {
      await addDataUsed(store, this.today(), budget.spent - spentBytes);
    }
  }

  /** The watch list: home province, added ones, or the whole nation. */
  watchList(): Promise<WatchList> {
    return readWatchList(this.options.ports.store);
  }

  /**
   * Changes the watch list (`DeviceError('invalid_options')` for a malformed code or more than 10
   * added). A province added is backfilled at the next sync (its index lists 14 days); one removed
   * is not downloaded any more and its processed list is forgotten at the next sync.
   */
  setWatchList(list: WatchList): Promise<WatchList> {
    return saveWatchList(this.options.ports.store, list);
  }

  /** The export sets the next sync downloads (the national set when no province is watched). */
  async watchedSets(): Promise<string[]> {
    return watchedSets(await this.watchList(), this.options.region);
  }

  dataSettings(): Promise<DataSettings> {
    return readDataSettings(this.options.ports.store);
  }

  setDataSettings(settings: DataSettings): Promise<void> {
    return saveDataSettings(this.options.ports.store, settings);
  }

  /** Bytes the syncs downloaded today and over the last 7 days (UTC days of the device's clock). */
  dataUsed(): Promise<DataUsed> {
    return readDataUsed(this.options.ports.store, this.today());
  }

  /** The configuration kept from an earlier sync, if any (a bad record is ignored). */
  private async loadRiskConfiguration(): Promise<void> {
    const stored = await getJson<unknown>(this.options.ports.store, RISK_CONFIGURATION, null);
    if (stored === null) return;
    try {
      this.riskConfig = resolveRiskConfiguration(stored as Record<string, unknown>);
    } catch {
      await this.options.ports.store.delete(RISK_CONFIGURATION);
    }
  }

  /**
   * The server's risk configuration (`{exports}/{region}/risk-configuration.json`), validated and
   * kept; when it cannot be fetched or is invalid, the one in force stays.
   */
  private async refreshRiskConfiguration(budget: DownloadBudget): Promise<void> {
    await this.loadRiskConfiguration();
    try {
      const fetched = await this.client.riskConfiguration(this.options.region);
      budget.spend(JSON.stringify(fetched).length);
      this.riskConfig = resolveRiskConfiguration(fetched as Record<string, unknown>);
      await setJson(this.options.ports.store, RISK_CONFIGURATION, fetched);
    } catch {
      // Offline, an older server without the file, or an invalid file: keep what is in force.
    }
  }

  /** The warning in force (F1 / F2), or null. */
  warning(): Promise<ExposureWarning | null> {
    return this.warnings.current();
  }

  /** Upload step 1: redeem the code and show what would be shared. */
  async prepareUpload(code: string, options: { exposureDate?: string } = {}): Promise<PreparedUpload> {
    await this.maintain(this.today());
    return prepareUpload(this.uploadDeps(), code, async () => {
      if (options.exposureDate !== undefined) return options.exposureDate;
      const warning = await this.warnings.current();
      return warning?.level === 'F1' ? warning.exposureDate : undefined;
    });
  }

  /** Upload step 2, after the person confirmed (with the provinces they say they were in, if any). */
  confirmUpload(prepared: UploadConfirmation): Promise<UploadResult> {
    return confirmUpload(this.uploadDeps(), prepared);
  }

  /** The upload waiting for confirmation or retry (kept after a network failure). */
  pendingUpload(): Promise<PreparedUpload | null> {
    return pendingUpload(this.options.ports.store);
  }

  /** Retries the pending upload; `upload_nothing_pending` if there is none. */
  async retryUpload(): Promise<UploadResult> {
    return this.confirmUpload((await this.pendingUpload()) ?? { id: '' });
  }

  /** "Quét xung quanh": the devices heard in the last 30 s, near or around. */
  nearby(): NearbyDevice[] {
    const now = nowSeconds(this.options.ports.clock);
    return nearbyDevices(this.log.recent(now - 60), now, this.calibration.rssiCorrection, this.risk);
  }

  async status(): Promise<DeviceStatus> {
    const { store, bluetooth } = this.options.ports;
    const firstDay = await getJson<number | null>(store, FIRST_DAY, null);
    const sync = await getJson<SyncStatusRecord>(store, SYNC_STATUS, {
      lastSuccessMs: null,
      lastError: null,
    });
    return {
      waitingForWifi: sync.waitingForWifi ?? null,
      bluetooth: bluetooth === undefined ? 'unknown' : await bluetooth.state(),
      advertising: this.advertisedInterval !== undefined,
      daysActive: firstDay === null ? 0 : this.today() - firstDay + 1,
      lastSuccessfulCheckMs: sync.lastSuccessMs,
      lastError: sync.lastError,
      sightingsStored: (await this.log.all()).length,
      malformedAdvertisements: await this.log.malformedCount(),
    };
  }

  private today(): UtcDay {
    return utcDayOfSeconds(nowSeconds(this.options.ports.clock));
  }

  /** 14-day retention on every kind of data, and today's key. */
  private async maintain(today: UtcDay): Promise<void> {
    await this.flush();
    await this.ownKeys.prune(today);
    await this.log.prune(today);
    // Exposures are pruned by `download`, their only writer, which may run in another context.
    await this.checkIns.prune(today);
    await this.ownKeys.keyForDay(today);
  }

  private uploadDeps(): UploadDeps {
    const { store, random } = this.options.ports;
    const { client, ownKeys } = this;
    return { client, store, random, ownKeys, healthAuthorityId: this.options.healthAuthorityId };
  }
}

/** Builds a device; throws `DeviceError('invalid_risk_configuration')` for a bad configuration. */
export function createDevice(options: DeviceOptions): BluezoneDevice {
  return new BluezoneDevice(options);
}
