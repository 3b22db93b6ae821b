import {
  type DeviceCalibration,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifierKey,
  encodeAdvertisement,
  encodeMetadata,
  encodeServiceData,
  encryptAssociatedMetadata,
  firstIntervalOfDay,
  fromBase64,
  generateTemporaryExposureKey,
  type IntervalNumber,
  intervalOf,
  type TemporaryExposureKey,
  temporaryExposureKey,
  toBase64,
  type UnixSeconds,
  type UtcDay,
  utcDayOfInterval,
} from '@bluezone/protocol';
import { getJson, type KeyValueStore } from '../ports/key-value-store.js';
import type { ExposureAdvertisementPayload } from '../ports/radio.js';
import type { RandomSource } from '../ports/random-source.js';
import { dayKey, dayOfKey, firstRetainedDay } from '../retention.js';

const PREFIX = 'keys/';

type StoredKey = {
  readonly keyData: string;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
};

/**
 * The phone's own Temporary Exposure Keys: one per UTC day from the random source, kept 14 days in
 * the store (`keys/<day>`), and the advertisement of the current interval.
 */
export class OwnKeys {
  private readonly derived = new Map<number, { rpik: Uint8Array; aemk: Uint8Array }>();
  private readonly metadata: Uint8Array;

  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
    readonly calibration: DeviceCalibration,
  ) {
    // Metadata v1.1: the model's calibrated TX power with its calibration confidence.
    this.metadata = encodeMetadata({
      versionMajor: 1,
      versionMinor: 1,
      txPower: calibration.txPower,
      calibrationConfidence: calibration.calibrationConfidence,
    });
  }

  /** The key of `day`, made (and stored) on first use. */
  async keyForDay(day: UtcDay): Promise<TemporaryExposureKey> {
    const stored = await getJson<StoredKey | null>(this.store, dayKey(PREFIX, day), null);
    if (stored !== null) {
      return temporaryExposureKey(
        fromBase64(stored.keyData),
        stored.rollingStartIntervalNumber,
        stored.rollingPeriod,
      );
    }
    const key = generateTemporaryExposureKey((n) => this.random.bytes(n), firstIntervalOfDay(day));
    await this.store.set(dayKey(PREFIX, day), {
      keyData: toBase64(key.keyData),
      rollingStartIntervalNumber: key.rollingStartIntervalNumber,
      rollingPeriod: key.rollingPeriod,
    });
    return key;
  }

  /** What to advertise at `seconds`: the RPI of its interval and the AEM of the metadata. */
  async advertisementAt(seconds: UnixSeconds): Promise<ExposureAdvertisementPayload> {
    const interval = intervalOf(seconds);
    const key = await this.keyForDay(utcDayOfInterval(interval));
    return this.advertisementOf(key, interval);
  }

  advertisementOf(key: TemporaryExposureKey, interval: IntervalNumber): ExposureAdvertisementPayload {
    let keys = this.derived.get(key.rollingStartIntervalNumber);
    if (keys === undefined) {
      keys = {
        rpik: deriveRollingProximityIdentifierKey(key.keyData),
        aemk: deriveAssociatedEncryptedMetadataKey(key.keyData),
      };
      this.derived.clear();
      this.derived.set(key.rollingStartIntervalNumber, keys);
    }
    const rpi = deriveRollingProximityIdentifier(keys.rpik, interval);
    const aem = encryptAssociatedMetadata(keys.aemk, rpi, this.metadata);
    return {
      payload: encodeAdvertisement({ rpi, aem }),
      serviceData: encodeServiceData({ rpi, aem }),
      rpi,
      aem,
      txPowerDbm: this.calibration.txPower,
    };
  }

  /** Every retained key with its day, oldest first. */
  async all(): Promise<{ day: UtcDay; key: TemporaryExposureKey }[]> {
    const out: { day: UtcDay; key: TemporaryExposureKey }[] = [];
    for (const storeKey of await this.store.list(PREFIX)) {
      const day = dayOfKey(PREFIX, storeKey);
      out.push({ day, key: await this.keyForDay(day) });
    }
    return out;
  }

  /** Deletes keys of days before the retention window; returns how many. */
  async prune(today: UtcDay): Promise<number> {
    const first = firstRetainedDay(today);
    let removed = 0;
    for (const storeKey of await this.store.list(PREFIX)) {
      if (dayOfKey(PREFIX, storeKey) < first) {
        await this.store.delete(storeKey);
        removed += 1;
      }
    }
    return removed;
  }
}
