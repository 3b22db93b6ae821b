import { describe, expect, it } from 'vitest';
import { at, FakeClock } from './testing/fake-clock.js';
import { MemoryAir } from './testing/memory-air.js';
import { memoryPhone } from './testing/memory-phone.js';
import { MemoryHttp } from './testing/memory-platform.js';

describe('14-day retention on the phone', () => {
  it('drops keys and sightings of 15 days ago on the next run, keeps those of 13 days ago', async () => {
    const clock = new FakeClock(at('2026-11-01T08:00:00Z'));
    const air = new MemoryAir();
    const http = new MemoryHttp();
    const [a, b] = [1, 2].map((seed) => memoryPhone({ air, clock, http, seed, exportPublicKeys: [] })) as [
      ReturnType<typeof memoryPhone>,
      ReturnType<typeof memoryPhone>,
    ];
    await a.device.start();
    await b.device.start();
    air.scan(b.radio, (s) => (s === a.radio ? -60 : undefined)); // day 0 (2026-11-01)
    clock.set(at('2026-11-03T08:00:00Z'));
    await a.device.tick();
    air.scan(b.radio, (s) => (s === a.radio ? -60 : undefined)); // day 2
    await b.device.flush();
    expect(await b.store.list('sightings/')).toHaveLength(2);

    clock.set(at('2026-11-16T08:00:00Z')); // day 0 is 15 days old, day 2 is 13
    await b.device.tick();
    await a.device.tick();
    expect(await b.store.list('sightings/')).toHaveLength(1);
    expect((await b.device.status()).sightingsStored).toBe(1);
    const keyDays = (await a.device.ownKeys.all()).map((k) => k.day);
    expect(keyDays).not.toContain(Date.parse('2026-11-01') / 86_400_000);
    expect(keyDays).toContain(Date.parse('2026-11-03') / 86_400_000);
  });
});
