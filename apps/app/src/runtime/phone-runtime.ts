import { type AppConfig, createDemoAirClient, type DemoAirClient } from '@bluezone/api';
import {
  type BluezoneDevice,
  type CheckInShareResult,
  type Clock,
  createDemoAirClock,
  createDemoAirRadio,
  createDevice,
  type DemoAirClockPort,
  type DemoAirRadio,
  type DownloadOutcome,
  eventHostsOf,
  getJson,
  isDeviceError,
  type Language,
  type NearbyDevice,
  type PreparedUpload,
  type SyncOutcome,
  type SyncProgress,
  setJson,
  type UploadResult,
} from '@bluezone/device';
import { intervalOf, parsePublicKeyPem, unixSeconds } from '@bluezone/protocol';
import {
  BrowserNotifier,
  browserBluetooth,
  browserConnection,
  browserHttp,
  browserRandom,
  every,
} from '../platform/browser-ports.js';
import type { IdbStore } from '../platform/idb-store.js';
import { absoluteUrl } from './app-config.js';
import {
  type DemoAirPhone,
  readDemoAirPhone,
  readOnboarding,
  saveDemoAirPhone,
  saveReported,
} from './prefs.js';
import { RecentlyHeard } from './recently-heard.js';
import { SyncWorker } from './sync-in-worker.js';

/** How often the phone checks for new exports on its own, in simulated time. */
const SYNC_EVERY_MS = 4 * 3_600_000;
/** A browser is no phone model of the calibration table: it uses a common one. */
/** The id of the prepared upload the person confirmed (kept until it is published). */
const CONFIRMED_UPLOAD = 'app/upload-confirmed';
const BROWSER_PHONE = { oem: 'Google', model: 'Pixel 4' };

/**
 * The phone: the device runtime on the browser's ports, the demo air's radio and clock when the
 * deployment has one, and the timers the runtime leaves to its host (tick, scan, sync).
 */
export class PhoneRuntime {
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  private lastSyncMs = Number.NEGATIVE_INFINITY;
  private lastInterval = -1;
  private syncing: Promise<unknown> | undefined;
  /** The error code of this session's last check, null when it succeeded (undefined before one). */
  lastSyncError: string | null | undefined;
  /** What became of the check-ins chosen with the last upload (undefined: nothing chosen this session). */
  lastCheckInShare: CheckInShareResult | 'later' | 'failed' | undefined;
  /** The check in progress: files done of those due in the set being synced. */
  syncProgress: SyncProgress | undefined;
  /** Where this session's last check downloaded and matched, and how long it took there. */
  lastSyncThread: { thread: 'worker' | 'page'; workerMs?: number } | undefined;
  private readonly syncWorker = SyncWorker.open();
  /** Set by `stop`: a check in flight then writes nothing more (e.g. after "delete all my data"). */
  private stopped = false;

  private constructor(
    readonly config: AppConfig,
    readonly store: IdbStore,
    readonly clock: Clock,
    readonly device: BluezoneDevice,
    readonly demo: { client: DemoAirClient; clock: DemoAirClockPort; radio: DemoAirRadio } | undefined,
    readonly notifier: BrowserNotifier,
    private readonly heard: RecentlyHeard,
  ) {}

  /**
   * "Quét xung quanh": the phones heard in the last 30 s. On the demo air simulated time runs
   * thousands of times faster than a scan comes back, so there it is the 30 simulated seconds
   * before the last thing heard: what the last scan found.
   */
  nearby(): NearbyDevice[] {
    if (this.demo === undefined) return this.device.nearby();
    return this.heard.nearby(this.device.calibration.rssiCorrection, this.device.risk);
  }

  static async open(config: AppConfig, store: IdbStore, language: Language): Promise<PhoneRuntime> {
    const http = browserHttp();
    let demo: PhoneRuntime['demo'];
    let clock: Clock = { nowMs: () => Date.now() };
    if (config.demoAir !== undefined) {
      // Without the demo air (not running yet, or offline) the phone still syncs and uploads.
      demo = await joinDemoAir(config.demoAir.url, http.request, store).catch(() => undefined);
      if (demo) clock = demo.clock;
    }
    const notifier = new BrowserNotifier();
    const heard = new RecentlyHeard();
    const server = serverOf(config);
    const device = createDevice({
      ports: {
        clock,
        random: browserRandom,
        store,
        http,
        notifier,
        advertiser: demo?.radio.advertiser,
        scanner: demo ? heard.wrap(demo.radio.scanner) : undefined,
        bluetooth: browserBluetooth(demo !== undefined),
        network: { connection: browserConnection },
      },
      phone: BROWSER_PHONE,
      server,
      region: config.region,
      healthAuthorityId: config.healthAuthorityId,
      exportPublicKeys: config.exportPublicKeys.map((k) => ({
        keyId: k.keyId,
        keyVersion: k.keyVersion,
        publicKey: parsePublicKeyPem(k.publicKeyPem),
      })),
      language,
      // Posters of this deployment carry its host (`https://<host>/c?v=1#…`): the app's, its API's, or
      // the public origin the server names (BLUEZONE_PUBLIC_ORIGIN).
      checkIns: {
        hosts: eventHostsOf([
          window.location.href,
          ...Object.values(server),
          ...(config.eventOrigin ? [config.eventOrigin] : []),
        ]),
      },
    });
    const phone = new PhoneRuntime(config, store, clock, device, demo, notifier, heard);
    notifier.onNotify(() => phone.changed());
    return phone;
  }

  /** Starts advertising and scanning, and the host's timers. */
  async start(): Promise<void> {
    await this.watchHomeProvince();
    await this.device.start();
    this.demo?.clock.start();
    // The advertisement must follow the (fast) simulated interval; tick when it changed.
    const tick = every(250, () => {
      const interval = intervalOf(unixSeconds(Math.floor(this.clock.nowMs() / 1000)));
      if (interval === this.lastInterval) return;
      this.lastInterval = interval;
      void this.device.tick().catch(() => undefined);
    });
    const refresh = every(1_000, () => this.changed());
    const sync = every(5_000, () => {
      if (this.clock.nowMs() - this.lastSyncMs < SYNC_EVERY_MS) return;
      void this.sync();
      void this.retryConfirmedUpload().catch(() => undefined);
      void this.shareCheckIns();
    });
    const online = () => {
      void this.retryConfirmedUpload().catch(() => undefined);
      void this.shareCheckIns();
    };
    window.addEventListener('online', online);
    this.stops.push(tick, refresh, sync, () => window.removeEventListener('online', online));
    void this.sync();
  }

  /** The province chosen at first run is the watch list's home (kept also for adoption reports). */
  private async watchHomeProvince(): Promise<void> {
    const province = (await readOnboarding(this.store))?.province;
    const list = await this.device.watchList();
    if (province === undefined || list.home !== undefined) return;
    await this.device.setWatchList({ ...list, home: province }).catch(() => undefined);
  }

  /**
   * Step 2 of an upload, after the person pressed "share": remembered, so that if the network
   * fails the upload is sent again later (when online, or at the next check) without asking again.
   */
  async confirmUpload(
    prepared: PreparedUpload,
    visitedProvinces: readonly string[] = [],
    checkInIds?: readonly string[],
  ): Promise<UploadResult> {
    if (checkInIds !== undefined) await this.device.checkIns.chooseToShare(checkInIds);
    await setJson(this.store, CONFIRMED_UPLOAD, prepared.id);
    const result = await this.device.confirmUpload({ id: prepared.id, visitedProvinces });
    await this.uploaded(prepared);
    return result;
  }

  /** Sends again an upload the person confirmed; null when there is none. */
  async retryConfirmedUpload(): Promise<UploadResult | null> {
    const pending = await this.device.pendingUpload();
    const confirmed = await getJson<string | null>(this.store, CONFIRMED_UPLOAD, null);
    if (pending === null || pending.id !== confirmed) return null;
    const result = await this.device.retryUpload();
    await this.uploaded(pending);
    return result;
  }

  /** Whether the pending upload is one the person already confirmed (only the network failed). */
  async uploadConfirmed(): Promise<boolean> {
    const pending = await this.device.pendingUpload();
    return (
      pending !== null && pending.id === (await getJson<string | null>(this.store, CONFIRMED_UPLOAD, null))
    );
  }

  private async uploaded(prepared: PreparedUpload): Promise<void> {
    // First, while the certificate is fresh (it lives minutes; on the demo's fast clock, a second).
    await this.shareCheckIns();
    await this.store.delete(CONFIRMED_UPLOAD);
    await saveReported(this.store, {
      testType: prepared.testType,
      days: prepared.days,
      keyCount: prepared.keyCount,
      atMs: this.clock.nowMs(),
    });
    this.changed();
  }

  /** Sends the check-ins chosen with the upload, once its keys are published; never throws. */
  async shareCheckIns(): Promise<void> {
    try {
      const result = await this.device.checkIns.share();
      if (result !== null) this.lastCheckInShare = result;
    } catch (error) {
      this.lastCheckInShare = isDeviceError(error, 'checkin_share_network') ? 'later' : 'failed';
    }
  }

  /** Checks for new exports now ("check now"); never throws for network or server trouble. */
  sync(): Promise<unknown> {
    this.syncing ??= this.syncOnce()
      .then((outcome) => {
        this.lastSyncMs = this.clock.nowMs();
        this.lastSyncError = outcome.error?.code ?? null;
        return outcome;
      })
      .finally(() => {
        this.syncing = undefined;
        this.syncProgress = undefined;
        this.changed();
      });
    return this.syncing;
  }

  /**
   * One check: the page writes today's key and what was heard, the worker downloads and matches
   * (off this thread: an epicentre phone matches hundreds of thousands of keys a day), and the page
   * scores and warns. Without a worker, or if it fails, the page downloads itself.
   */
  private async syncOnce(): Promise<SyncOutcome> {
    await this.device.tick();
    const onProgress = (progress: SyncProgress) => {
      this.syncProgress = progress;
      this.changed();
    };
    let downloaded: DownloadOutcome | undefined;
    if (this.stopped) return { warning: null };
    if (this.syncWorker !== undefined) {
      const { config } = this;
      const done = await this.syncWorker
        .download(
          {
            server: serverOf(config),
            region: config.region,
            healthAuthorityId: config.healthAuthorityId,
            exportPublicKeys: config.exportPublicKeys,
            nowMs: this.clock.nowMs(),
            connection: browserConnection(),
          },
          onProgress,
        )
        .catch(() => undefined);
      if (done !== undefined) {
        downloaded = done.outcome;
        this.lastSyncThread = { thread: 'worker', workerMs: done.workerMs };
      }
    }
    if (this.stopped) return { warning: null };
    if (downloaded === undefined) {
      downloaded = await this.device.download({ onProgress });
      this.lastSyncThread = { thread: 'page' };
    }
    return this.device.assess(downloaded);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const stop of this.stops.splice(0)) stop();
    this.syncWorker?.terminate();
    // A check in flight ends without writing more (its worker is gone), before anything is deleted.
    await this.syncing?.catch(() => undefined);
    this.demo?.clock.stop();
    await this.device.stop().catch(() => undefined);
  }

  /** Leaves the demo air (its person goes back to being simulated). */
  async leave(): Promise<void> {
    if (this.demo) await this.demo.client.leave(this.demo.radio.phoneId()).catch(() => undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The servers of the deployment, with absolute URLs (the sync worker has no page to resolve against). */
function serverOf(config: AppConfig) {
  return {
    verificationUrl: absoluteUrl(config.verificationUrl),
    keyServerUrl: absoluteUrl(config.keyServerUrl),
    deviceApiKey: config.deviceApiKey,
  };
}

async function joinDemoAir(
  url: string,
  transport: Parameters<typeof createDemoAirClient>[0],
  store: IdbStore,
): Promise<PhoneRuntime['demo']> {
  const client = createDemoAirClient(transport, absoluteUrl(url));
  const clock = createDemoAirClock(client, { every });
  await clock.sync();
  const phone = (await readDemoAirPhone(store)) ?? (await join(client, store));
  const radio = createDemoAirRadio(client, phone.phoneId, {
    clock,
    every,
    scanEveryMs: 2_000,
    // Every scan looks back 4 simulated hours before the previous one: a meeting staged on the air
    // carries past times, and simulated time may run faster than any scan interval.
    lookbackEvery: 1,
    afterMs: phone.lastHeardMs,
    rejoin: async () => (await join(client, store)).phoneId,
    onScanned: (lastHeardMs) =>
      void readDemoAirPhone(store).then((p) => p && saveDemoAirPhone(store, { ...p, lastHeardMs })),
  });
  return { client, clock, radio };
}

async function join(client: DemoAirClient, store: IdbStore): Promise<DemoAirPhone> {
  const joined = await client.join({ model: 'Google Pixel 4' });
  const phone = { phoneId: joined.phoneId, person: joined.person, description: joined.description };
  await saveDemoAirPhone(store, phone);
  return phone;
}
