import { type DemoAirClient, isApiError } from '@bluezone/api';
import { fromBase64, toBase64 } from '@bluezone/protocol';
import type { Clock } from '../ports/clock.js';
import type {
  ExposureAdvertisementPayload,
  RadioAdvertiser,
  RadioScanner,
  ScanListener,
} from '../ports/radio.js';
import type { Every } from './demo-air-clock.js';

/** The most sightings `POST /demo/air/heard` answers at once. */
const HEARD_PAGE = 5_000;

export interface DemoAirRadioOptions {
  /** The simulation's clock (`createDemoAirClock`): where the first scan starts from. */
  readonly clock: Clock;
  /** The host's timer for the scans; without it only `scanNow` scans. */
  readonly every?: Every;
  /** Real milliseconds between two scans (asks for what was heard); default 3,000. */
  readonly scanEveryMs?: number;
  /** Only sightings after this simulated time on the first scan; the clock's time at `start` by default. */
  readonly afterMs?: number;
  /**
   * Sightings may arrive late: a meeting staged on the air (`encounter`) adds sightings of the past
   * minutes. Every `lookbackEvery` scans (default 5) the scanner asks again from `lookbackMs`
   * (simulated, default 4 h: the longest staged meeting) before where it was at the previous such
   * scan, so nothing staged in between is missed however fast simulated time runs; what it already
   * passed on is not passed on twice.
   */
  readonly lookbackMs?: number;
  readonly lookbackEvery?: number;
  /** Called after each scan with the time of the last sighting received, so a host can resume there. */
  readonly onScanned?: (lastMs: number) => void;
  /**
   * The air no longer knows this phone (the simulation restarted): join again and return the new
   * phone id; the current advertisement is sent again under it. Without it the error is reported.
   */
  readonly rejoin?: () => Promise<string>;
  /** Told of every failed call; the radio retries at the next scan. */
  readonly onError?: (error: unknown) => void;
}

export interface DemoAirRadio {
  readonly advertiser: RadioAdvertiser;
  readonly scanner: RadioScanner;
  /** The phone id in use (changes after a rejoin). */
  phoneId(): string;
  /** One scan now (what the timer does); resolves when the listener has been called. */
  scanNow(): Promise<void>;
}

/**
 * A radio on the demo air (`/demo/air`): the advertiser hands each new advertisement's FD6F service
 * data to the simulated district, the scanner asks every few seconds what this phone heard there and
 * passes it on with the simulated time and RSSI. Stands in for Bluetooth where there is none (a
 * browser); platform-neutral (the host's timer comes in as `every`).
 */
export function createDemoAirRadio(
  client: DemoAirClient,
  phoneId: string,
  options: DemoAirRadioOptions,
): DemoAirRadio {
  let id = phoneId;
  let current: ExposureAdvertisementPayload | undefined;
  let unsent = false;
  let listener: ScanListener | undefined;
  let afterMs = options.afterMs;
  let cancel: (() => void) | undefined;
  let scanning: Promise<void> | undefined;
  let scans = 0;
  /** The cursor at the previous look-back scan. */
  let lookedBackAt: number | undefined;
  /** What was passed on since `cursor − lookbackMs`: `timeMs|serviceData|rssi`. */
  const delivered = new Map<string, number>();
  const lookbackMs = options.lookbackMs ?? 4 * 3_600_000;
  const lookbackEvery = options.lookbackEvery ?? 5;

  /** Runs a call; a "no such phone" answer rejoins (once) when the host allows it. */
  async function withPhone<T>(call: (phone: string) => Promise<T>): Promise<T> {
    try {
      return await call(id);
    } catch (error) {
      if (options.rejoin === undefined || !isApiError(error) || error.status !== 404) throw error;
      id = await options.rejoin();
      unsent = current !== undefined;
      if (unsent) await sendAdvertisement();
      return call(id);
    }
  }

  async function sendAdvertisement(): Promise<void> {
    const advertisement = current;
    if (advertisement === undefined) return;
    await client.advertise({
      phoneId: id,
      serviceData: toBase64(advertisement.serviceData),
      txPowerDbm: advertisement.txPowerDbm,
    });
    if (advertisement === current) unsent = false;
  }

  async function scan(): Promise<void> {
    if (unsent) await withPhone(() => sendAdvertisement());
    const to = listener;
    if (to === undefined) return;
    let count = 0;
    const cursor = afterMs ?? 0;
    let from = cursor;
    if (scans++ % lookbackEvery === lookbackEvery - 1) {
      from = Math.max(0, (lookedBackAt ?? cursor) - lookbackMs);
      lookedBackAt = cursor;
    }
    for (;;) {
      const since = from;
      const answer = await withPhone((phone) => client.heard({ phoneId: phone, afterMs: since }));
      for (const s of answer.sightings) {
        const key = `${s.timeMs}|${s.serviceData}|${s.rssi}`;
        if (delivered.has(key)) continue;
        delivered.set(key, s.timeMs);
        to.onAdvertisement({ serviceData: fromBase64(s.serviceData), rssi: s.rssi, timeMs: s.timeMs });
        afterMs = Math.max(afterMs ?? 0, s.timeMs);
        count += 1;
      }
      const last = answer.sightings.at(-1);
      if (answer.sightings.length < HEARD_PAGE || last === undefined) break;
      from = last.timeMs;
    }
    const forget = (lookedBackAt ?? 0) - lookbackMs;
    for (const [key, timeMs] of delivered) if (timeMs <= forget) delivered.delete(key);
    to.onScanComplete?.();
    if (count > 0 && afterMs !== undefined) options.onScanned?.(afterMs);
  }

  function scanNow(): Promise<void> {
    scanning ??= scan().finally(() => {
      scanning = undefined;
    });
    return scanning;
  }

  const report = (error: unknown) => options.onError?.(error);
  return {
    phoneId: () => id,
    scanNow,
    advertiser: {
      async start(advertisement) {
        current = advertisement;
        unsent = true;
        await withPhone(() => sendAdvertisement()).catch(report);
      },
      async stop() {
        current = undefined;
        unsent = false;
      },
    },
    scanner: {
      async start(next) {
        listener = next;
        afterMs ??= options.clock.nowMs();
        if (cancel === undefined && options.every !== undefined)
          cancel = options.every(options.scanEveryMs ?? 3_000, () => void scanNow().catch(report));
      },
      async stop() {
        cancel?.();
        cancel = undefined;
        listener = undefined;
        await scanning?.catch(() => undefined);
      },
    },
  };
}
