import { decodeUtf8, encodeUtf8 } from '@bluezone/api';
import { describe, expect, it } from 'vitest';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import type { KeyValueStore, StoredValue } from './key-value-store.js';

/**
 * Encryption at rest as a wrapper: every value becomes tagged bytes, "encrypted" with a toy XOR
 * (a real shell uses AES-GCM with a key from the Keystore/Keychain). The backend only sees bytes.
 */
class XorStore implements KeyValueStore {
  constructor(
    readonly inner: MemoryStore,
    private readonly key: number,
  ) {}

  private xor(bytes: Uint8Array): Uint8Array {
    return bytes.map((b) => b ^ this.key);
  }

  async get(key: string): Promise<StoredValue | undefined> {
    const raw = await this.inner.get(key);
    if (!(raw instanceof Uint8Array)) return undefined;
    const plain = this.xor(raw);
    return plain[0] === 1 ? plain.slice(1) : JSON.parse(decodeUtf8(plain.slice(1)));
  }

  async set(key: string, value: StoredValue): Promise<void> {
    const body = value instanceof Uint8Array ? value : encodeUtf8(JSON.stringify(value));
    await this.inner.set(key, this.xor(Uint8Array.of(value instanceof Uint8Array ? 1 : 0, ...body)));
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
}

describe('KeyValueStore', () => {
  it('can be wrapped for encryption at rest: the device works and the backend holds only bytes', async () => {
    const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
    const air = new MemoryAir();
    const http = new MemoryHttp();
    const a = memoryPhone({ air, clock, http, seed: 1, exportPublicKeys: [] });
    const backend = new MemoryStore();
    const b = memoryPhone({
      air,
      clock,
      http,
      seed: 2,
      exportPublicKeys: [],
      store: new XorStore(backend, 0x5a),
    });
    await a.device.start();
    await b.device.start();
    air.scan(b.radio, (s) => (s === a.radio ? -60 : undefined));
    await b.device.flush();
    expect((await b.device.status()).sightingsStored).toBe(1);
    expect((await b.device.ownKeys.all()).length).toBe(1);
    expect([...backend.data.values()].every((v) => v instanceof Uint8Array)).toBe(true);
    expect(await backend.list('keys/')).toHaveLength(1);
  });

  it('keeps buffered sightings when a write fails, and writes them on the next flush', async () => {
    const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
    const air = new MemoryAir();
    const http = new MemoryHttp();
    const failing = new MemoryStore();
    const a = memoryPhone({ air, clock, http, seed: 1, exportPublicKeys: [] });
    const b = memoryPhone({ air, clock, http, seed: 2, exportPublicKeys: [], store: failing });
    await a.device.start();
    await b.device.start();
    const set = failing.set.bind(failing);
    failing.set = async () => {
      throw new Error('disk full');
    };
    air.scan(b.radio, (s) => (s === a.radio ? -60 : undefined));
    await expect(b.device.flush()).rejects.toThrow(/disk full/);
    failing.set = set;
    await b.device.flush();
    expect((await b.device.status()).sightingsStored).toBe(1);
  });
});
