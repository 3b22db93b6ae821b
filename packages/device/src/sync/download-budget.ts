import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';

/**
 * The connection as the platform reports it: `unmetered` (Wi-Fi, Ethernet), `metered` (mobile data,
 * or the person asked to save data), `unknown` (the platform cannot tell: treated as metered).
 */
export type ConnectionKind = 'unmetered' | 'metered' | 'unknown';

/** "Chỉ tải tệp lớn qua Wi-Fi / Download large files on Wi-Fi only" and its threshold. */
export interface DataSettings {
  readonly wifiOnly: boolean;
  /** Most bytes one sync pass may download on a metered or unknown connection. */
  readonly thresholdBytes: number;
}

export const DEFAULT_DATA_SETTINGS: DataSettings = { wifiOnly: true, thresholdBytes: 2 * 1024 * 1024 };
const DATA_SETTINGS = 'data/settings';

export async function readDataSettings(store: KeyValueStore): Promise<DataSettings> {
  const stored = await getJson<Partial<DataSettings> | null>(store, DATA_SETTINGS, null);
  const threshold = stored?.thresholdBytes;
  return {
    wifiOnly: typeof stored?.wifiOnly === 'boolean' ? stored.wifiOnly : DEFAULT_DATA_SETTINGS.wifiOnly,
    thresholdBytes:
      typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0
        ? threshold
        : DEFAULT_DATA_SETTINGS.thresholdBytes,
  };
}

export function saveDataSettings(store: KeyValueStore, settings: DataSettings): Promise<void> {
  return setJson(store, DATA_SETTINGS, settings);
}

/**
 * The bytes one sync pass may still download: unlimited on an unmetered connection or with the
 * setting off; else the threshold, spent by every index, file and configuration the pass fetches.
 */
export class DownloadBudget {
  private spentBytes = 0;

  constructor(readonly limitBytes: number) {}

  static of(settings: DataSettings, connection: ConnectionKind): DownloadBudget {
    const limited = settings.wifiOnly && connection !== 'unmetered';
    return new DownloadBudget(limited ? settings.thresholdBytes : Number.POSITIVE_INFINITY);
  }

  get spent(): number {
    return this.spentBytes;
  }

  get limited(): boolean {
    return Number.isFinite(this.limitBytes);
  }

  /** Bytes left (Infinity when unlimited). */
  get remaining(): number {
    return Math.max(0, this.limitBytes - this.spentBytes);
  }

  spend(bytes: number): void {
    this.spentBytes += bytes;
  }

  /** The size bound of the next download: its own bound, or what is left when that is less. */
  bound(ownLimit: number): number {
    return Math.min(ownLimit, this.remaining);
  }
}
