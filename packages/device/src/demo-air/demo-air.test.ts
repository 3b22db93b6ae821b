import { createDemoAirClient, type HttpRequest, type HttpResponse } from '@bluezone/api';
import { describe, expect, it } from 'vitest';
import { BluezoneDevice } from '../device.js';
import { at } from '../testing/fake-clock.js';
import { MemoryHttp, MemoryNotifier } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { createDemoAirClock } from './demo-air-clock.js';
import { createDemoAirRadio } from './demo-air-radio.js';

/** A tiny demo air over a fake transport: phones, what they advertise, what they heard. */
function fakeAir(start: number) {
  const state = { nowMs: start, rate: 60, calls: [] as string[] };
  const ads = new Map<string, string>();
  const heard = new Map<string, { serviceData: string; rssi: number; timeMs: number }[]>();
  let next = 0;
  const json = (status: number, body: unknown): HttpResponse => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    const path = request.url.replace('http://demo/demo/air/', '');
    state.calls.push(path);
    const body = request.body === undefined ? {} : JSON.parse(String(request.body));
    if (path === 'clock') return json(200, { nowMs: state.nowMs, rate: state.rate });
    if (path === 'join') {
      const phoneId = `phone-${String(next++).padStart(4, '0')}`;
      heard.set(phoneId, []);
      return json(200, { phoneId, person: next, description: 'household 1', nowMs: state.nowMs });
    }
    if (!heard.has(body.phoneId)) return json(404, { error: 'unknown phone', errorCode: 'not_found' });
    if (path === 'advertise') {
      ads.set(body.phoneId, body.serviceData);
      return json(200, {});
    }
    if (path === 'heard') {
      const list = (heard.get(body.phoneId) ?? []).filter((s) => s.timeMs > body.afterMs);
      return json(200, { nowMs: state.nowMs, sightings: list });
    }
    if (path === 'encounter') {
      let sightings = 0;
      for (const [me, other] of [
        [body.phoneId, body.otherPhoneId],
        [body.otherPhoneId, body.phoneId],
      ]) {
        for (let m = body.minutes; m > 0; m--) {
          heard
            .get(me)
            ?.push({ serviceData: ads.get(other) ?? '', rssi: -55, timeMs: state.nowMs - m * 60_000 });
          sightings++;
        }
      }
      return json(200, { sightings });
    }
    return json(404, { error: 'no route', errorCode: 'not_found' });
  };
  return { state, heard, ads, client: createDemoAirClient(transport, 'http://demo/demo/air/') };
}

describe('demo-air clock', () => {
  it('follows the simulation at its rate between polls and never goes back', async () => {
    const air = fakeAir(at('2026-11-02T08:00:00Z'));
    let real = 1_000;
    const clock = createDemoAirClock(air.client, { realNowMs: () => real });
    await clock.sync();
    expect(clock.nowMs()).toBe(air.state.nowMs);
    real += 1_000;
    expect(clock.nowMs()).toBe(air.state.nowMs + 60_000);
    air.state.nowMs += 30_000; // the simulation is slower than the interpolation
    await clock.sync();
    expect(clock.nowMs()).toBe(air.state.nowMs + 30_000);
  });
});

describe('demo-air radio', () => {
  it('advertises, hears an encounter with the simulated time, and rejoins when the air forgot the phone', async () => {
    const air = fakeAir(at('2026-11-02T08:00:00Z'));
    const clock = createDemoAirClock(air.client, { realNowMs: () => 0 });
    await clock.sync();
    const devices = [];
    const radios = [];
    for (const seed of [1, 2]) {
      const { phoneId } = await air.client.join();
      const radio = createDemoAirRadio(air.client, phoneId, {
        clock,
        afterMs: 0,
        lookbackEvery: 3,
        rejoin: async () => (await air.client.join()).phoneId,
        onError: (error) => {
          throw error;
        },
      });
      const device = new BluezoneDevice({
        ports: {
          clock,
          random: new SeededRandom(seed),
          store: new MemoryStore(),
          http: new MemoryHttp(),
          notifier: new MemoryNotifier(),
          advertiser: radio.advertiser,
          scanner: radio.scanner,
        },
        phone: { oem: 'Google', model: 'Pixel 4' },
        server: { verificationUrl: 'http://server', deviceApiKey: 'k' },
        region: 'VN',
        healthAuthorityId: 'vn.moh',
        exportPublicKeys: [],
      });
      await device.start();
      devices.push(device);
      radios.push(radio);
    }
    const [a, b] = devices as [BluezoneDevice, BluezoneDevice];
    const [ra, rb] = radios as [ReturnType<typeof createDemoAirRadio>, ReturnType<typeof createDemoAirRadio>];
    await air.client.encounter({
      phoneId: ra.phoneId(),
      otherPhoneId: rb.phoneId(),
      minutes: 20,
      distanceM: 1,
    });
    await ra.scanNow();
    await rb.scanNow();
    // One sighting a minute for 20 minutes, each 60 s apart: none is a duplicate.
    expect((await a.status()).sightingsStored).toBe(20);
    expect((await b.status()).sightingsStored).toBe(20);
    expect((await a.status()).malformedAdvertisements).toBe(0);
    // A second scan asks only after the last sighting: nothing new.
    await ra.scanNow();
    expect((await a.status()).sightingsStored).toBe(20);
    // A meeting staged later, of the past 20 minutes, after the cursor moved on: found by the lookback scan.
    air.state.nowMs += 3_600_000;
    air.heard
      .get(ra.phoneId())
      ?.push({ serviceData: air.ads.get(rb.phoneId()) ?? '', rssi: -80, timeMs: air.state.nowMs });
    await ra.scanNow();
    expect((await a.status()).sightingsStored).toBe(21);
    await air.client.encounter({
      phoneId: ra.phoneId(),
      otherPhoneId: rb.phoneId(),
      minutes: 20,
      distanceM: 1,
    });
    for (let i = 0; i < 3; i++) await ra.scanNow(); // one of every three scans looks back
    expect((await a.status()).sightingsStored).toBe(41);
    for (let i = 0; i < 3; i++) await ra.scanNow();
    expect((await a.status()).sightingsStored).toBe(41); // nothing twice
    // The simulation restarted: the air forgets every phone; the radio joins again and re-advertises.
    air.heard.clear();
    const before = ra.phoneId();
    await ra.scanNow();
    expect(ra.phoneId()).not.toBe(before);
    expect(air.state.calls.slice(-3)).toEqual(['join', 'advertise', 'heard']);
    await a.stop();
    await b.stop();
  });
});
