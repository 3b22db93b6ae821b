// Venue warnings the phone raised (`checkin/venue-warnings`): a check-in of this phone overlapped a
// published warning. The venue's name comes from the phone's own check-in; the server never knew it.
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { Notifier } from '../ports/platform.js';
import type { Language } from '../warnings/warning-state.js';
import type { CheckInRecord } from './check-in-record.js';

/** One venue warning: which stay, which UTC date, how long it overlapped the warned window. */
export interface VenueWarning {
  readonly checkInId: string;
  readonly description: string;
  readonly address: string;
  /** The stay (Unix seconds). */
  readonly checkInStart: number;
  readonly checkInEnd: number;
  /** ISO date (UTC) of the overlapping part of the stay. */
  readonly date: string;
  /** CWA's rounded minutes of overlap (the longest of the warnings for that stay and date). */
  readonly overlapMinutes: number;
  /** 1…8, the highest of those warnings. */
  readonly transmissionRiskLevel: number;
  /** When the phone first raised it, ms since 1970. */
  readonly warnedAtMs: number;
}

/** One overlap found by matching, with the phone's check-in it belongs to. */
export interface VenueOverlap {
  readonly checkIn: CheckInRecord;
  readonly date: string;
  readonly overlapMinutes: number;
  readonly transmissionRiskLevel: number;
}

const KEY = 'checkin/venue-warnings';

const TEXTS = {
  vi: {
    title: 'Cảnh báo địa điểm: bạn đã đến nơi có ca bệnh',
    body: (w: VenueWarning) => `${w.description}, ngày ${w.date}. Hãy theo dõi sức khoẻ và khai báo y tế.`,
  },
  en: {
    title: 'Venue warning: a case was at a place you visited',
    body: (w: VenueWarning) =>
      `${w.description}, ${w.date}. Watch your health and fill in the health declaration.`,
  },
} as const;

/** The venue warnings in force, kept 14 days by date, each notified once. */
export class VenueWarnings {
  constructor(
    private readonly store: KeyValueStore,
    private readonly notifier: Notifier,
    private readonly language: Language,
  ) {}

  /** Newest date first. */
  async all(): Promise<VenueWarning[]> {
    const stored = await getJson<VenueWarning[]>(this.store, KEY, []);
    return (Array.isArray(stored) ? stored : []).slice().sort((a, b) => b.date.localeCompare(a.date));
  }

  /**
   * Adds overlaps: one warning per check-in and date (a longer overlap or a higher level updates it
   * silently); a new one is notified. Returns the warnings that are new.
   */
  async add(overlaps: readonly VenueOverlap[], nowMs: number): Promise<VenueWarning[]> {
    if (overlaps.length === 0) return [];
    const warnings = await this.all();
    const added: VenueWarning[] = [];
    for (const o of overlaps) {
      const i = warnings.findIndex((w) => w.checkInId === o.checkIn.id && w.date === o.date);
      const old = warnings[i];
      if (old !== undefined) {
        warnings[i] = {
          ...old,
          overlapMinutes: Math.max(old.overlapMinutes, o.overlapMinutes),
          transmissionRiskLevel: Math.max(old.transmissionRiskLevel, o.transmissionRiskLevel),
        };
        continue;
      }
      const warning: VenueWarning = {
        checkInId: o.checkIn.id,
        description: o.checkIn.description,
        address: o.checkIn.address,
        checkInStart: o.checkIn.checkInStart,
        checkInEnd: o.checkIn.checkInEnd,
        date: o.date,
        overlapMinutes: o.overlapMinutes,
        transmissionRiskLevel: o.transmissionRiskLevel,
        warnedAtMs: nowMs,
      };
      warnings.push(warning);
      added.push(warning);
    }
    await setJson(this.store, KEY, warnings);
    const newest = added.sort((a, b) => b.date.localeCompare(a.date))[0];
    if (newest !== undefined) {
      const text = TEXTS[this.language];
      await this.notifier.notify({
        level: 'venue',
        title: text.title,
        body: text.body(newest),
        exposureDate: newest.date,
      });
    }
    return added;
  }

  /** Deletes the warnings of dates before `firstIsoDate` (the 14 days kept). */
  async prune(firstIsoDate: string): Promise<void> {
    const warnings = await this.all();
    const kept = warnings.filter((w) => w.date >= firstIsoDate);
    if (kept.length !== warnings.length) await setJson(this.store, KEY, kept);
  }
}
