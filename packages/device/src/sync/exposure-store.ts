import type { ExposureWindow, KeyMatch, ReportType, UtcDay } from '@bluezone/protocol';
import { ReportType as ReportTypes, toHex } from '@bluezone/protocol';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import { firstRetainedDay } from '../retention.js';

const KEY = 'exposure/matches';

type StoredMatches = Record<string, { reportType: number; windows: ExposureWindow[] }>;

/**
 * The exposure windows of every diagnosis key that matched, by key (hex), kept 14 days. Keyed so a
 * key listed in two files, or revised later, replaces its windows instead of adding them twice.
 */
export class ExposureStore {
  constructor(private readonly store: KeyValueStore) {}

  /** Records matches; a REVOKED revision removes the key's windows. */
  async add(matches: readonly KeyMatch[]): Promise<void> {
    if (matches.length === 0) return;
    const all = await getJson<StoredMatches>(this.store, KEY, {});
    for (const m of matches) {
      const hex = toHex(m.key.keyData);
      if (m.key.reportType === ReportTypes.REVOKED) delete all[hex];
      else all[hex] = { reportType: m.reportType, windows: m.windows.map((w) => ({ ...w })) };
    }
    await setJson(this.store, KEY, all);
  }

  /** Every retained window, each carrying its key's effective report type. */
  async windows(): Promise<ExposureWindow[]> {
    const all = await getJson<StoredMatches>(this.store, KEY, {});
    return Object.values(all).flatMap((m) =>
      m.windows.map((w) => ({ ...w, reportType: m.reportType as ReportType })),
    );
  }

  /** Deletes windows of days before the retention window. */
  async prune(today: UtcDay): Promise<void> {
    const first = firstRetainedDay(today);
    const all = await getJson<StoredMatches>(this.store, KEY, {});
    let changed = false;
    for (const [hex, m] of Object.entries(all)) {
      const kept = m.windows.filter((w) => w.day >= first);
      if (kept.length !== m.windows.length) {
        changed = true;
        if (kept.length === 0) delete all[hex];
        else m.windows = kept;
      }
    }
    if (changed) await setJson(this.store, KEY, all);
  }
}
