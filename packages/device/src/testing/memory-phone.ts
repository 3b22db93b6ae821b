import type { ExportPublicKey, PhoneModel } from '@bluezone/protocol';
import { BluezoneDevice } from '../device.js';
import type { DeviceOptions } from '../device-options.js';
import type { Clock } from '../ports/clock.js';
import type { KeyValueStore } from '../ports/key-value-store.js';
import type { HttpPort, NetworkPort } from '../ports/platform.js';
import type { MemoryAir, MemoryRadio } from './memory-air.js';
import { MemoryBluetooth, MemoryNotifier } from './memory-platform.js';
import { MemoryStore } from './memory-store.js';
import { SeededRandom } from './seeded-random.js';

/** A phone on in-memory ports, for tests and the simulator. */
export interface MemoryPhone {
  readonly device: BluezoneDevice;
  readonly radio: MemoryRadio;
  readonly store: KeyValueStore;
  readonly notifier: MemoryNotifier;
  readonly bluetooth: MemoryBluetooth;
}

export interface MemoryPhoneOptions {
  readonly air: MemoryAir;
  readonly clock: Clock;
  readonly http: HttpPort;
  readonly seed: number;
  readonly exportPublicKeys: readonly ExportPublicKey[];
  readonly phone?: PhoneModel;
  readonly server?: DeviceOptions['server'];
  readonly risk?: DeviceOptions['risk'];
  readonly region?: string;
  /** `healthAuthorityID` the phone publishes with; default `vn.moh`. */
  readonly healthAuthorityId?: string;
  /** Another store (e.g. an encrypting wrapper); a fresh MemoryStore by default. */
  readonly store?: KeyValueStore;
  /** The connection; absent, downloads are not limited. */
  readonly network?: NetworkPort;
}

/** Builds a device whose radio is on `air`; the server defaults to `http://server`. */
export function memoryPhone(options: MemoryPhoneOptions): MemoryPhone {
  const radio = options.air.radio();
  const store = options.store ?? new MemoryStore();
  const notifier = new MemoryNotifier();
  const bluetooth = new MemoryBluetooth();
  const device = new BluezoneDevice({
    ports: {
      clock: options.clock,
      random: new SeededRandom(options.seed),
      store,
      http: options.http,
      notifier,
      advertiser: radio,
      scanner: radio,
      bluetooth,
      network: options.network,
    },
    phone: options.phone ?? { oem: 'Google', model: 'Pixel 4' },
    server: options.server ?? { verificationUrl: 'http://server', deviceApiKey: 'device-key' },
    region: options.region ?? 'VN',
    healthAuthorityId: options.healthAuthorityId ?? 'vn.moh',
    exportPublicKeys: options.exportPublicKeys,
    risk: options.risk,
  });
  return { device, radio, store, notifier, bluetooth };
}
