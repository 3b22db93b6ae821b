import { encodeSightings } from '@bluezone/device';
import { MemoryStore } from '@bluezone/device/testing';
import { riskPreset, type Sighting, unixSeconds } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { contactHistory, distinctPhones } from './contact-history.js';

const DAY = 20_789;
const rpi = (phone: number, interval: number) =>
  Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? phone : interval));
const seen = (phone: number, interval: number, rssi = -60): Sighting => ({
  rpi: rpi(phone, interval),
  aem: new Uint8Array(4),
  rssi,
  seconds: unixSeconds(DAY * 86_400 + interval * 600 + 30),
});

describe('contact history', () => {
  it('counts a phone heard all morning once, not once per identifier', () => {
    const morning = Array.from({ length: 18 }, (_, i) => seen(1, i));
    expect(distinctPhones(morning)).toBe(1);
    // A second phone for an hour in the middle, a third later after a gap.
    const more = [...Array.from({ length: 6 }, (_, i) => seen(2, 5 + i)), seen(3, 30)];
    expect(distinctPhones([...morning, ...more])).toBe(3);
  });

  it('gives 14 days, today first, close never more than nearby', async () => {
    const store = new MemoryStore();
    const sightings = [seen(1, 1, -50), seen(2, 1, -95), seen(1, 2, -50), seen(2, 3, -50)];
    await store.set(`sightings/000${DAY}`, encodeSightings(sightings));
    const days = await contactHistory(store, DAY, 3, riskPreset('bluezone'));
    expect(days).toHaveLength(14);
    expect(days[0]).toMatchObject({ date: '2026-12-02', near: 2 });
    expect(days[0]?.close).toBeLessThanOrEqual(days[0]?.near ?? 0);
    expect(days.slice(1).every((d) => d.near === 0 && d.close === 0)).toBe(true);
  });
});
