import {
  type EventQrCode,
  type EventUrlOptions,
  readEventUrl,
  toBase64,
  toBase64Url,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { DeviceError } from '../errors.js';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { RandomSource } from '../ports/random-source.js';
import { firstRetainedDay } from '../retention.js';
import {
  type CheckInRecord,
  type CheckInView,
  defaultCheckInMinutes,
  MAX_CHECK_IN_MINUTES,
  retentionDayOf,
} from './check-in-record.js';

const KEY = 'checkins/all';
const DAY_SECONDS = 86_400;

/** What the confirm screen shows before anything is stored. */
export interface VenuePreview {
  readonly code: EventQrCode;
  /** Minutes until the automatic check-out. */
  readonly lengthMinutes: number;
  /** The active check-in at this venue, if the person is already checked in there. */
  readonly activeCheckIn: CheckInView | undefined;
}

/** New times of a check-in (Unix seconds). */
export interface CheckInTimes {
  readonly checkInStart: number;
  readonly checkInEnd: number;
}

/**
 * The phone's check-ins: scanned, kept on the phone only, checked out automatically after the code's
 * default length or by hand, edited, deleted, and gone after 14 days. Needs no network: the QR code
 * holds everything. A malformed code throws the protocol's `checkin_*` error and stores nothing.
 */
export class CheckInBook {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
    private readonly eventUrls: EventUrlOptions,
  ) {}

  /** Reads a scanned or opened event URL; stores nothing. */
  async preview(url: string, nowSeconds: number): Promise<VenuePreview> {
    const code = readEventUrl(url, this.eventUrls);
    const locationId = toBase64(code.locationId);
    const activeCheckIn = (await this.list(nowSeconds)).find((c) => c.active && c.locationId === locationId);
    return { code, lengthMinutes: defaultCheckInMinutes(code, nowSeconds), activeCheckIn };
  }

  /**
   * Checks in now for `lengthMinutes` (default: the code's). Checking in again at a venue the person
   * is still checked in at returns that check-in unchanged.
   */
  async checkIn(url: string, nowSeconds: number, lengthMinutes?: number): Promise<CheckInView> {
    const preview = await this.preview(url, nowSeconds);
    if (preview.activeCheckIn !== undefined) return preview.activeCheckIn;
    const minutes = lengthMinutes ?? preview.lengthMinutes;
    checkTimes({ checkInStart: nowSeconds, checkInEnd: nowSeconds + minutes * 60 });
    const { code } = preview;
    const record: CheckInRecord = {
      id: toBase64Url(this.random.bytes(12)),
      locationId: toBase64(code.locationId),
      locationIdHash: toBase64(code.locationIdHash),
      kind: code.kind,
      description: code.location.description,
      address: code.location.address,
      locationType: code.location.locationType,
      eventStart: code.location.startTimestamp,
      eventEnd: code.location.endTimestamp,
      defaultLengthMinutes: code.location.defaultCheckInLengthInMinutes,
      checkInStart: nowSeconds,
      checkInEnd: nowSeconds + minutes * 60,
      edited: false,
    };
    await this.save([...(await this.records()), record]);
    return view(record, nowSeconds);
  }

  /** Every check-in, newest first. */
  async list(nowSeconds: number): Promise<CheckInView[]> {
    return (await this.records())
      .map((r) => view(r, nowSeconds))
      .sort((a, b) => b.checkInStart - a.checkInStart);
  }

  /** The raw records (oldest first). */
  async records(): Promise<CheckInRecord[]> {
    const stored = await getJson<CheckInRecord[]>(this.store, KEY, []);
    return Array.isArray(stored) ? stored : [];
  }

  /** Checks out now (a check-in whose check-out has passed is left as it is). */
  async checkOut(id: string, nowSeconds: number): Promise<CheckInView> {
    const record = await this.get(id);
    if (record.checkInEnd <= nowSeconds) return view(record, nowSeconds);
    return this.edit(id, { checkInStart: record.checkInStart, checkInEnd: nowSeconds }, nowSeconds);
  }

  /** New check-in and check-out times: start before end, at most a day, within the 14 days kept, not in the future. */
  async edit(id: string, times: CheckInTimes, nowSeconds: number): Promise<CheckInView> {
    const record = await this.get(id);
    checkTimes(times);
    if (times.checkInStart > nowSeconds) {
      throw new DeviceError('checkin_invalid_times', 'the check-in cannot be in the future');
    }
    const firstKept = firstRetainedDay(utcDayOfSeconds(unixSeconds(nowSeconds))) * DAY_SECONDS;
    if (times.checkInStart < firstKept) {
      throw new DeviceError('checkin_invalid_times', 'the check-in is older than the 14 days kept');
    }
    const edited: CheckInRecord = { ...record, ...pick(times), edited: true };
    await this.save((await this.records()).map((r) => (r.id === id ? edited : r)));
    return view(edited, nowSeconds);
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.save((await this.records()).filter((r) => r.id !== id));
  }

  /** Deletes the check-ins whose check-out is older than the 14 days kept. */
  async prune(today: UtcDay): Promise<void> {
    const records = await this.records();
    const kept = records.filter((r) => retentionDayOf(r) >= firstRetainedDay(today));
    if (kept.length !== records.length) await this.save(kept);
  }

  private async get(id: string): Promise<CheckInRecord> {
    const record = (await this.records()).find((r) => r.id === id);
    if (record === undefined) throw new DeviceError('checkin_not_found', `no check-in ${id.slice(0, 40)}`);
    return record;
  }

  private save(records: readonly CheckInRecord[]): Promise<void> {
    return setJson(this.store, KEY, records);
  }
}

function view(record: CheckInRecord, nowSeconds: number): CheckInView {
  return { ...record, active: record.checkInEnd > nowSeconds };
}

function pick(times: CheckInTimes): CheckInTimes {
  return { checkInStart: times.checkInStart, checkInEnd: times.checkInEnd };
}

function checkTimes({ checkInStart: start, checkInEnd: end }: CheckInTimes): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0) {
    throw new DeviceError('checkin_invalid_times', 'the times are not Unix seconds');
  }
  if (end <= start)
    throw new DeviceError('checkin_invalid_times', 'the check-out must come after the check-in');
  if (end - start > MAX_CHECK_IN_MINUTES * 60) {
    throw new DeviceError('checkin_invalid_times', `a stay lasts at most ${MAX_CHECK_IN_MINUTES / 60} hours`);
  }
}
