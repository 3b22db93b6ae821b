import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';

const DATA_USED = 'data/used';
/** Days kept: today and the 6 before it ("this week"). */
export const DATA_USED_DAYS = 7;

/** Bytes downloaded by sync, per UTC day. */
type StoredUsage = Record<string, number>;

/** What the app shows: bytes downloaded today and over the last 7 days, today included. */
export interface DataUsed {
  readonly todayBytes: number;
  readonly weekBytes: number;
}

/** Adds the bytes of one sync pass to `day`'s total, forgetting days older than a week (one write). */
export async function addDataUsed(store: KeyValueStore, day: number, bytes: number): Promise<void> {
  if (bytes <= 0) return;
  const stored = await getJson<StoredUsage>(store, DATA_USED, {});
  const kept: StoredUsage = {};
  for (const [d, n] of Object.entries(stored)) if (Number(d) > day - DATA_USED_DAYS) kept[d] = n;
  kept[String(day)] = (kept[String(day)] ?? 0) + bytes;
  await setJson(store, DATA_USED, kept);
}

export async function readDataUsed(store: KeyValueStore, today: number): Promise<DataUsed> {
  const stored = await getJson<StoredUsage>(store, DATA_USED, {});
  let weekBytes = 0;
  for (const [d, n] of Object.entries(stored)) {
    const day = Number(d);
    if (day <= today && day > today - DATA_USED_DAYS && Number.isFinite(n)) weekBytes += n;
  }
  return { todayBytes: stored[String(today)] ?? 0, weekBytes };
}
