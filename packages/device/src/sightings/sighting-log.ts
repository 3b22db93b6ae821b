import {
  concatBytes,
  decodeAdvertisement,
  decodeServiceData,
  type ExposureAdvertisement,
  isProtocolError,
  SCAN_SPAN_SECONDS,
  type Sighting,
  toHex,
  type UnixSeconds,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { getBytes, getJson, type KeyValueStore } from '../ports/key-value-store.js';
import type { HeardAdvertisement } from '../ports/radio.js';
import { dayKey, dayOfKey, firstRetainedDay } from '../retention.js';
import { decodeSightings, encodeSightings } from './sighting-record.js';

const PREFIX = 'sightings/';
const MALFORMED_KEY = 'status/malformed-advertisements';
/** How long heard advertisements stay in memory for the nearby scan. */
export const RECENT_SECONDS = 60;

/** A sighting with its RPI in hex, as kept in memory for the nearby scan. */
export interface RecentSighting extends Sighting {
  readonly rpiHex: string;
}

/**
 * What the phone heard: decoded, de-duplicated (an RPI heard again less than SCAN_SPAN_SECONDS after
 * it was recorded belongs to the same scan and is dropped), buffered in memory and appended to one
 * record per UTC day (`sightings/<day>`) by `flush`. Malformed advertisements are counted, never thrown.
 */
export class SightingLog {
  private pending: Sighting[] = [];
  private recentList: RecentSighting[] = [];
  private readonly lastRecorded = new Map<string, number>();
  private malformed = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: KeyValueStore) {}

  /** Records one heard advertisement; returns false when it was malformed or a duplicate. */
  hear(heard: HeardAdvertisement, fallbackSeconds: UnixSeconds): boolean {
    const decoded = decode(heard);
    if (decoded === undefined || !Number.isFinite(heard.rssi)) {
      this.malformed += 1;
      return false;
    }
    const seconds =
      heard.timeMs === undefined ? fallbackSeconds : unixSeconds(Math.floor(heard.timeMs / 1000));
    const rpiHex = toHex(decoded.rpi);
    const last = this.lastRecorded.get(rpiHex);
    if (last !== undefined && seconds - last < SCAN_SPAN_SECONDS && seconds >= last) return false;
    this.lastRecorded.set(rpiHex, seconds);
    const sighting = { rpi: decoded.rpi.slice(), aem: decoded.aem.slice(), rssi: heard.rssi, seconds };
    this.pending.push(sighting);
    this.recentList.push({ ...sighting, rpiHex });
    return true;
  }

  /** Sightings heard at or after `sinceSeconds` (kept in memory for RECENT_SECONDS). */
  recent(sinceSeconds: number): readonly RecentSighting[] {
    return this.recentList.filter((s) => s.seconds >= sinceSeconds);
  }

  /** Appends buffered sightings to their days' records; flushes run one after the other. */
  flush(nowSeconds: UnixSeconds): Promise<void> {
    const run = this.writing.then(() => this.write(nowSeconds));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async write(nowSeconds: UnixSeconds): Promise<void> {
    const byDay = new Map<UtcDay, Sighting[]>();
    for (const s of this.pending) {
      const day = utcDayOfSeconds(s.seconds);
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    this.pending = [];
    const days = [...byDay];
    for (let i = 0; i < days.length; i++) {
      const [day, sightings] = days[i] as [UtcDay, Sighting[]];
      const key = dayKey(PREFIX, day);
      try {
        await this.store.set(key, concatBytes(await getBytes(this.store, key), encodeSightings(sightings)));
      } catch (error) {
        // Nothing is lost: what was not written waits for the next flush.
        this.pending.unshift(...days.slice(i).flatMap(([, rest]) => rest));
        throw error;
      }
    }
    if (this.malformed > 0) {
      const total = (await getJson<number>(this.store, MALFORMED_KEY, 0)) + this.malformed;
      this.malformed = 0;
      await this.store.set(MALFORMED_KEY, total);
    }
    this.recentList = this.recentList.filter((s) => s.seconds >= nowSeconds - RECENT_SECONDS);
    for (const [rpi, seconds] of this.lastRecorded) {
      if (nowSeconds - seconds >= SCAN_SPAN_SECONDS) this.lastRecorded.delete(rpi);
    }
  }

  /** Every stored sighting of the retained days, oldest day first. */
  async all(): Promise<Sighting[]> {
    const out: Sighting[] = [];
    for (const key of await this.store.list(PREFIX))
      out.push(...decodeSightings(await getBytes(this.store, key)));
    return out;
  }

  /** Malformed advertisements counted so far (stored ones plus those not yet flushed). */
  async malformedCount(): Promise<number> {
    return (await getJson<number>(this.store, MALFORMED_KEY, 0)) + this.malformed;
  }

  /** Deletes the records of days before the retention window; returns how many days. */
  async prune(today: UtcDay): Promise<number> {
    const first = firstRetainedDay(today);
    let removed = 0;
    for (const key of await this.store.list(PREFIX)) {
      if (dayOfKey(PREFIX, key) < first) {
        await this.store.delete(key);
        removed += 1;
      }
    }
    return removed;
  }
}

function decode(heard: HeardAdvertisement): ExposureAdvertisement | undefined {
  try {
    if (heard.serviceData !== undefined) return decodeServiceData(heard.serviceData);
    if (heard.payload !== undefined) return decodeAdvertisement(heard.payload);
    return undefined;
  } catch (error) {
    if (isProtocolError(error)) return undefined;
    throw error;
  }
}
