import type { JsonValue, KeyValueStore, StoredValue } from '../ports/key-value-store.js';

const copy = (value: StoredValue): StoredValue =>
  value instanceof Uint8Array ? value.slice() : (JSON.parse(JSON.stringify(value)) as JsonValue);

/** A KeyValueStore in a Map; values are copied in and out, as a real store would. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, StoredValue>();
  writes = 0;

  async get(key: string): Promise<StoredValue | undefined> {
    const value = this.data.get(key);
    return value === undefined ? undefined : copy(value);
  }

  async set(key: string, value: StoredValue): Promise<void> {
    this.writes += 1;
    this.data.set(key, copy(value));
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
