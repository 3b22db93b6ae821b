import { type AppConfig, createDemoAirClient, type DemoAirClient, fetchTransport } from '@bluezone/api';
import {
  type BluezoneDevice,
  createDemoAirClock,
  createDemoAirRadio,
  createDevice,
  type DemoAirClockPort,
  type DemoAirRadio,
} from '@bluezone/device';
import { MemoryNotifier, MemoryStore, SeededRandom } from '@bluezone/device/testing';
import { parsePublicKeyPem } from '@bluezone/protocol';

/** A second phone, run in Node on the demo air: the person the browser's phone meets. */
export interface NodePhone {
  readonly device: BluezoneDevice;
  readonly air: DemoAirClient;
  readonly clock: DemoAirClockPort;
  readonly radio: DemoAirRadio;
  readonly phoneId: string;
  stop(): Promise<void>;
}

export async function nodePhone(base: string, config: AppConfig): Promise<NodePhone> {
  const transport = fetchTransport((url, init) => fetch(url, init));
  const air = createDemoAirClient(transport, `${base}/demo/air`);
  const timers: (() => void)[] = [];
  const every = (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    timers.push(() => clearInterval(timer));
    return () => clearInterval(timer);
  };
  const clock = createDemoAirClock(air, { every, pollMs: 1_000 });
  await clock.sync();
  clock.start();
  const { phoneId } = await air.join({ model: 'Google Pixel 4' });
  const radio = createDemoAirRadio(air, phoneId, { clock, every });
  const device = createDevice({
    ports: {
      clock,
      random: new SeededRandom(4242),
      store: new MemoryStore(),
      http: { request: transport },
      notifier: new MemoryNotifier(),
      advertiser: radio.advertiser,
      scanner: radio.scanner,
    },
    phone: { oem: 'Google', model: 'Pixel 4' },
    server: { verificationUrl: base, deviceApiKey: config.deviceApiKey },
    region: config.region,
    healthAuthorityId: config.healthAuthorityId,
    exportPublicKeys: config.exportPublicKeys.map((k) => ({
      keyId: k.keyId,
      keyVersion: k.keyVersion,
      publicKey: parsePublicKeyPem(k.publicKeyPem),
    })),
  });
  await device.start();
  // The runtime owns no timer: keep the advertisement on the simulated interval.
  every(200, () => void device.tick().catch(() => undefined));
  return {
    device,
    air,
    clock,
    radio,
    phoneId,
    async stop() {
      for (const stop of timers) stop();
      await device.stop();
      await air.leave(phoneId).catch(() => undefined);
    },
  };
}
