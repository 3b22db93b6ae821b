import { encodeAdvertisement, encodeServiceData, fromHex, toHex, unixSeconds } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SightingLog } from './sighting-log.js';
import { decodeSightings, encodeSightings } from './sighting-record.js';

const rpi = fromHex('8be6cd371c5c891604bfbe49df845096');
const aem = fromHex('72033874');
const payload = encodeAdvertisement({ rpi, aem });
const secondsOf = (iso: string) => unixSeconds(at(iso) / 1000);

describe('sighting log', () => {
  it('decodes payloads and service data, drops duplicates within one scan, and counts malformed ones', async () => {
    const store = new MemoryStore();
    const log = new SightingLog(store);
    const t = secondsOf('2026-11-02T08:00:00Z');
    expect(log.hear({ payload, rssi: -70 }, t)).toBe(true);
    expect(log.hear({ payload, rssi: -65 }, unixSeconds(t + 3))).toBe(false); // same scan
    expect(log.hear({ serviceData: encodeServiceData({ rpi, aem }), rssi: -72 }, unixSeconds(t + 300))).toBe(
      true,
    );
    expect(log.hear({ payload: payload.slice(0, 20), rssi: -70 }, t)).toBe(false);
    expect(log.hear({ serviceData: new Uint8Array(7), rssi: -70 }, t)).toBe(false);
    expect(log.hear({ rssi: -70 }, t)).toBe(false);
    expect(log.hear({ payload, rssi: Number.NaN }, t)).toBe(false);
    await log.flush(unixSeconds(t + 300));
    const all = await log.all();
    expect(all.map((s) => [toHex(s.rpi), toHex(s.aem), s.rssi, s.seconds - t])).toEqual([
      [toHex(rpi), toHex(aem), -70, 0],
      [toHex(rpi), toHex(aem), -72, 300],
    ]);
    expect(await log.malformedCount()).toBe(4);
    expect(await store.list('sightings/')).toHaveLength(1);
  });

  it('appends to one record per UTC day and keeps 14 days', async () => {
    const store = new MemoryStore();
    const log = new SightingLog(store);
    const clock = new FakeClock(at('2026-11-01T23:59:00Z'));
    for (let i = 0; i < 16; i++) {
      const now = unixSeconds(clock.nowMs() / 1000);
      log.hear({ payload, rssi: -60, timeMs: clock.nowMs() }, now);
      await log.flush(now);
      clock.advanceSeconds(86_400);
    }
    expect(await store.list('sightings/')).toHaveLength(16);
    const today = Math.floor(clock.nowMs() / 86_400_000) - 1; // the last day written
    expect(await log.prune(today as never)).toBe(2);
    const kept = await store.list('sightings/');
    expect(kept).toHaveLength(14);
    expect((await log.all()).every((s) => Math.floor(s.seconds / 86_400) >= today - 13)).toBe(true);
  });

  it('serialises concurrent flushes so nothing is lost', async () => {
    const log = new SightingLog(new MemoryStore());
    const t = secondsOf('2026-11-02T08:00:00Z');
    const flushes: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      const r = new Uint8Array(16).fill(i + 1);
      log.hear({ serviceData: encodeServiceData({ rpi: r, aem }), rssi: -60 }, unixSeconds(t + i));
      flushes.push(log.flush(unixSeconds(t + i)));
    }
    await Promise.all(flushes);
    expect(await log.all()).toHaveLength(5);
  });

  it('packs sightings into 25-byte records and ignores a torn last record', () => {
    const s = { rpi, aem, rssi: -200, seconds: unixSeconds(1_790_000_000) };
    const bytes = encodeSightings([s, { ...s, rssi: 12 }]);
    expect(bytes).toHaveLength(50);
    const back = decodeSightings(bytes.subarray(0, 49));
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ rssi: -128, seconds: 1_790_000_000 });
  });
});
