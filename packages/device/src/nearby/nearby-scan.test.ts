import { bluezonePreset, FALLBACK_CALIBRATION, lookupCalibration } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../errors.js';
import { resolveRiskConfiguration } from '../sync/risk-options.js';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';

describe('nearby scan (Quét xung quanh)', () => {
  it('lists the phones heard in the last 30 s, once each, near or around by calibrated attenuation', async () => {
    const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
    const air = new MemoryAir();
    const http = new MemoryHttp();
    const [me, close, far, gone] = [1, 2, 3, 4].map((seed) =>
      memoryPhone({ air, clock, http, seed, exportPublicKeys: [] }),
    ) as [
      ReturnType<typeof memoryPhone>,
      ReturnType<typeof memoryPhone>,
      ReturnType<typeof memoryPhone>,
      ReturnType<typeof memoryPhone>,
    ];
    for (const p of [me, close, far, gone]) await p.device.start();
    air.scan(me.radio, (s) => (s === gone.radio ? -55 : undefined));
    clock.advanceSeconds(40);
    const rssi = new Map([
      [close.radio, -50],
      [far.radio, -110],
    ]);
    air.scan(me.radio, (s) => rssi.get(s));
    clock.advanceSeconds(12);
    air.scan(me.radio, (s) => (s === close.radio ? -58 : undefined)); // heard again: still one entry
    const nearby = me.device.nearby();
    const correction = lookupCalibration({ oem: 'Google', model: 'Pixel 4' }).rssiCorrection;
    expect(nearby).toEqual([
      expect.objectContaining({
        rssi: -50,
        proximity: 'near',
        attenuationDb: FALLBACK_CALIBRATION.txPower + 50 - correction,
      }),
      expect.objectContaining({ rssi: -110, proximity: 'around' }),
    ]);
    expect(nearby[0]?.rpi).toHaveLength(32);
    expect(nearby[0]?.lastHeardMs).toBe(at('2026-11-02T08:00:52Z'));
    // Thresholds come from the configuration: 66 dB separates near from around under the bluezone preset.
    expect(bluezonePreset.attenuationBucketThresholdsDb[1]).toBe(66);
    expect(nearby[1]?.attenuationDb).toBeGreaterThanOrEqual(66);
  });
});

describe('status', () => {
  it('reports Bluetooth, days active, the last successful check and the last error', async () => {
    const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
    const http = new MemoryHttp();
    const phone = memoryPhone({ air: new MemoryAir(), clock, http, seed: 9, exportPublicKeys: [] });
    expect((await phone.device.status()).daysActive).toBe(0);
    await phone.device.start();
    clock.advanceSeconds(2 * 86_400);
    phone.bluetooth.current = 'off';
    http.files.set('http://server/v1/exports/VN/index.txt', '');
    await phone.device.sync();
    let status = await phone.device.status();
    expect(status).toMatchObject({
      bluetooth: 'off',
      advertising: true,
      daysActive: 3,
      lastSuccessfulCheckMs: at('2026-11-04T08:00:00Z'),
      lastError: null,
      malformedAdvertisements: 0,
    });
    http.files.set('http://server/v1/exports/VN/index.txt', '../evil.zip');
    clock.advanceSeconds(60);
    await phone.device.sync();
    status = await phone.device.status();
    expect(status.lastSuccessfulCheckMs).toBe(at('2026-11-04T08:00:00Z'));
    expect(status.lastError).toMatchObject({
      code: 'export_index_invalid',
      atMs: at('2026-11-04T08:01:00Z'),
    });
    await phone.device.stop();
    expect((await phone.device.status()).advertising).toBe(false);
  });
});

describe('risk configuration in the device options', () => {
  it('accepts a preset name or a configuration object, and rejects anything else with every problem', () => {
    expect(resolveRiskConfiguration('cwa').name).toBe('cwa');
    expect(resolveRiskConfiguration({ ...bluezonePreset, name: 'custom' }).name).toBe('custom');
    const error = (() => {
      try {
        resolveRiskConfiguration({ ...bluezonePreset, windowHighMinutes: -1, attenuation: 'loud' });
      } catch (e) {
        return e;
      }
    })();
    expect(isDeviceError(error, 'invalid_risk_configuration')).toBe(true);
    expect((error as Error).message).toMatch(/windowHighMinutes/);
    expect((error as Error).message).toMatch(/attenuation/);
    expect(() => resolveRiskConfiguration('nope')).toThrow(/unknown risk preset/);
    expect(() =>
      memoryPhone({
        air: new MemoryAir(),
        clock: new FakeClock(0),
        http: new MemoryHttp(),
        seed: 1,
        exportPublicKeys: [],
        risk: 'nope',
      }),
    ).toThrow(/unknown risk preset/);
  });
});
