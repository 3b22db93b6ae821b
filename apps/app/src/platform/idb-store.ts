import type { KeyValueStore, StoredValue } from '@bluezone/device';
import { type IDBPDatabase, openDB } from 'idb';

const DATABASE = 'bluezone';
const STORE = 'kv';

/**
 * The device's key-value store on IndexedDB: one object store, keys in ascending order (so
 * `list(prefix)` is a key range), values stored as structured clones, so bytes stay `Uint8Array`
 * and JSON comes back as a fresh copy.
 */
export class IdbStore implements KeyValueStore {
  private constructor(private readonly db: IDBPDatabase) {}

  static async open(name = DATABASE): Promise<IdbStore> {
    const db = await openDB(name, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore(STORE);
      },
    });
    return new IdbStore(db);
  }

  async get(key: string): Promise<StoredValue | undefined> {
    const value: unknown = await this.db.get(STORE, key);
    if (value === undefined) return undefined;
    if (value instanceof Uint8Array) return new Uint8Array(value);
    return value as StoredValue;
  }

  async set(key: string, value: StoredValue): Promise<void> {
    // JSON values go through JSON so what comes back is exactly what JSON can hold.
    const stored = value instanceof Uint8Array ? value.slice() : JSON.parse(JSON.stringify(value));
    await this.db.put(STORE, stored, key);
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(STORE, key);
  }

  async list(prefix: string): Promise<string[]> {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const keys = await this.db.getAllKeys(STORE, range);
    return keys.map(String).filter((k) => k.startsWith(prefix));
  }

  /** Deletes everything this app stored on the phone ("delete all my data"). */
  async clear(): Promise<void> {
    await this.db.clear(STORE);
  }

  close(): void {
    this.db.close();
  }
}
