import { MAX_VISITED_PROVINCES } from '@bluezone/api';
import { DeviceError } from '../errors.js';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';

/**
 * The export sets a phone downloads: its home province (the one chosen at first run), the provinces
 * the person added, or the whole nation. Province codes are ISO 3166-2 (`VN-20`, `VN-HN`).
 */
export interface WatchList {
  /** The province chosen at first run; absent when the person chose none. */
  readonly home?: string | undefined;
  /** Provinces added by the person (travel, work across a border), at most `MAX_ADDED_PROVINCES`. */
  readonly added: readonly string[];
  /** "Cả nước / All of Viet Nam": the national set, which then replaces the province sets. */
  readonly nation: boolean;
}

export const MAX_ADDED_PROVINCES = 10;
const WATCH_LIST = 'watch/list';
const PROVINCE_CODE = /^[A-Z]{2}-[0-9A-Z]{1,3}$/;

export const EMPTY_WATCH_LIST: WatchList = { added: [], nation: false };

/**
 * The sets a watch list downloads, each once, home first. A phone with no province, or watching
 * the nation, downloads the national set only (it has every key).
 */
export function watchedSets(list: WatchList, national: string): string[] {
  if (list.nation) return [national];
  const provinces = [...new Set([...(list.home === undefined ? [] : [list.home]), ...list.added])];
  return provinces.length === 0 ? [national] : provinces;
}

/** Refuses codes that are not ISO 3166-2 subdivisions, duplicates, and too many provinces. */
export function checkWatchList(list: WatchList): WatchList {
  const codes = [...(list.home === undefined ? [] : [list.home]), ...list.added];
  const bad = codes.find((code) => !PROVINCE_CODE.test(code));
  if (bad !== undefined) throw new DeviceError('invalid_options', `not a province code: ${bad}`);
  if (list.added.length > MAX_ADDED_PROVINCES)
    throw new DeviceError('invalid_options', `at most ${MAX_ADDED_PROVINCES} added provinces`);
  const added = [...new Set(list.added)].filter((code) => code !== list.home);
  return { ...(list.home === undefined ? {} : { home: list.home }), added, nation: list.nation };
}

/** The provinces declared on upload, each once; `invalid_options` for a malformed code or more than 10. */
export function checkVisitedProvinces(codes: readonly string[]): string[] {
  const unique = [...new Set(codes)];
  const bad = unique.find((code) => !PROVINCE_CODE.test(code));
  if (bad !== undefined) throw new DeviceError('invalid_options', `not a province code: ${bad}`);
  if (unique.length > MAX_VISITED_PROVINCES)
    throw new DeviceError('invalid_options', `at most ${MAX_VISITED_PROVINCES} visited provinces`);
  return unique;
}

export async function readWatchList(store: KeyValueStore): Promise<WatchList> {
  const stored = await getJson<WatchList | null>(store, WATCH_LIST, null);
  if (stored === null || !Array.isArray(stored.added)) return EMPTY_WATCH_LIST;
  try {
    return checkWatchList(stored);
  } catch {
    return EMPTY_WATCH_LIST;
  }
}

export async function saveWatchList(store: KeyValueStore, list: WatchList): Promise<WatchList> {
  const checked = checkWatchList(list);
  await setJson(store, WATCH_LIST, checked);
  return checked;
}
