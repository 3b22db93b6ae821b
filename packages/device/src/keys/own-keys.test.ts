import {
  decodeAdvertisement,
  decodeMetadata,
  decryptAssociatedMetadata,
  deriveAssociatedEncryptedMetadataKey,
  lookupCalibration,
  toHex,
  type UtcDay,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { OwnKeys } from './own-keys.js';

const day = (iso: string) => utcDayOfSeconds((at(iso) / 1000) as never);

describe('own keys', () => {
  it('makes one key per UTC day from the random source, stored and reused', async () => {
    const store = new MemoryStore();
    const keys = new OwnKeys(store, new SeededRandom(1), lookupCalibration({}));
    const d = day('2026-11-02T00:00Z');
    const k1 = await keys.keyForDay(d);
    expect(k1.rollingStartIntervalNumber).toBe(d * 144);
    expect(k1.rollingPeriod).toBe(144);
    const again = new OwnKeys(store, new SeededRandom(99), lookupCalibration({}));
    expect(toHex((await again.keyForDay(d)).keyData)).toBe(toHex(k1.keyData));
    expect(toHex((await keys.keyForDay((d + 1) as UtcDay)).keyData)).not.toBe(toHex(k1.keyData));
    expect(await store.list('keys/')).toHaveLength(2);
  });

  it('advertises the FD6F payload with the calibrated TX power in metadata v1.1, a new RPI each interval', async () => {
    const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
    const phone = { oem: 'samsung', device: 'a10', model: 'SM-A105F' };
    const a = memoryPhone({
      air: new MemoryAir(),
      clock,
      http: new MemoryHttp(),
      seed: 5,
      exportPublicKeys: [],
      phone,
    });
    await a.device.start();
    const first = a.radio.advertising;
    expect(first?.payload).toHaveLength(31);
    expect(toHex(first?.payload ?? new Uint8Array()).slice(0, 22)).toBe('02011a03036ffd17166ffd');
    const decoded = decodeAdvertisement(first?.payload ?? new Uint8Array());
    expect(toHex(first?.serviceData ?? new Uint8Array())).toBe(toHex(decoded.rpi) + toHex(decoded.aem));
    const key = (await a.device.ownKeys.all())[0]?.key;
    if (key === undefined) throw new Error('no key');
    const metadata = decodeMetadata(
      decryptAssociatedMetadata(deriveAssociatedEncryptedMetadataKey(key.keyData), decoded.rpi, decoded.aem),
    );
    const calibration = lookupCalibration(phone);
    expect(metadata).toEqual({
      versionMajor: 1,
      versionMinor: 1,
      txPower: calibration.txPower,
      calibrationConfidence: calibration.calibrationConfidence,
    });
    expect(first?.txPowerDbm).toBe(calibration.txPower);
    clock.advanceSeconds(120);
    await a.device.tick();
    expect(a.radio.advertised).toHaveLength(1); // same interval: no restart
    clock.advanceSeconds(600);
    await a.device.tick();
    expect(a.radio.advertised).toHaveLength(2);
    expect(toHex(a.radio.advertising?.rpi ?? new Uint8Array())).not.toBe(toHex(decoded.rpi));
  });

  it('keeps 14 days: a 14- or 15-day-old key is deleted on the next run, a 13-day-old one kept', async () => {
    const clock = new FakeClock(at('2026-11-01T12:00:00Z'));
    const a = memoryPhone({
      air: new MemoryAir(),
      clock,
      http: new MemoryHttp(),
      seed: 6,
      exportPublicKeys: [],
    });
    await a.device.start();
    for (let i = 0; i < 16; i++) {
      clock.advanceSeconds(86_400);
      await a.device.tick();
    }
    const days = (await a.device.ownKeys.all()).map((k) => k.day);
    const today = day('2026-11-17T00:00Z');
    expect(days).toHaveLength(14);
    expect(Math.min(...days)).toBe(today - 13);
    expect(Math.max(...days)).toBe(today);
  });
});
