/** A value the store keeps: JSON data or raw bytes. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
export type StoredValue = JsonValue | Uint8Array;

/**
 * Persistent storage, asynchronous so any backend fits (IndexedDB, SQLite, a file, the Android
 * Keystore-backed encrypted preferences). Keys are short ASCII paths like `sightings/20567`; the
 * device lists them by prefix. An implementation must return values equal to what was stored
 * (bytes as bytes, JSON as a fresh copy), so a wrapper can encrypt every value at rest: serialise
 * (JSON text or the bytes, with a one-byte tag), encrypt, store bytes; reverse on `get`.
 */
export interface KeyValueStore {
  get(key: string): Promise<StoredValue | undefined>;
  set(key: string, value: StoredValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in ascending order. */
  list(prefix: string): Promise<string[]>;
}

/** Reads a JSON value, or `fallback` when absent or stored as bytes. */
export async function getJson<T>(store: KeyValueStore, key: string, fallback: T): Promise<T> {
  const value = await store.get(key);
  return value === undefined || value instanceof Uint8Array ? fallback : (value as T);
}

/** Reads bytes, or an empty array when absent or stored as JSON. */
export async function getBytes(store: KeyValueStore, key: string): Promise<Uint8Array> {
  const value = await store.get(key);
  return value instanceof Uint8Array ? value : new Uint8Array(0);
}

/** Stores a JSON-serialisable value (plain objects, arrays, numbers, strings, booleans, null). */
export function setJson(store: KeyValueStore, key: string, value: unknown): Promise<void> {
  return store.set(key, value as JsonValue);
}
