import { fetchTransport, type HttpRequest, type HttpResponse } from '@bluezone/api';
import { BluezoneDevice, type HttpPort, type WarningNotification } from '@bluezone/device';
import { MemoryStore, SeededRandom } from '@bluezone/device/testing';
import { mix32 } from '@bluezone/epidemic';
import type { TemporaryExposureKey } from '@bluezone/protocol';
import type { Population } from '../population/population.js';
import type { SimClock } from './sim-clock.js';
import type { SimServer } from './sim-server.js';

/** Counts the bytes a phone downloads. */
class CountingHttp implements HttpPort {
  bytesIn = 0;
  constructor(private readonly transport: (request: HttpRequest) => Promise<HttpResponse>) {}
  async request(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.transport(request);
    this.bytesIn +=
      typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.length;
    return response;
  }
}

/** One simulated phone: the real device runtime on simulated ports. */
export interface SimPhone {
  readonly person: number;
  readonly device: BluezoneDevice;
  readonly http: CountingHttp;
  readonly notifications: WarningNotification[];
}

/**
 * The app users' phones. Each runs @bluezone/device with the simulation's clock, a seeded random
 * source, in-memory storage and HTTP over loopback to the real server. Radio goes through the
 * simulator (the phone's advertisement is read with `ownKeys.advertisementAt`).
 */
export class SimPhones {
  readonly byPerson = new Map<number, SimPhone>();
  /** TEK (hex) → owner and UTC day, for every key a phone made. */
  private readonly keyOwners = new Map<string, { person: number; key: TemporaryExposureKey }>();

  constructor(population: Population, clock: SimClock, server: SimServer, seed: number) {
    const transport = fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) });
    for (let person = 0; person < population.size; person++) {
      if (population.hasApp[person] !== 1) continue;
      const model = population.phoneModels[population.phone[person] ?? -1];
      const http = new CountingHttp(transport);
      const notifications: WarningNotification[] = [];
      const device = new BluezoneDevice({
        ports: {
          clock,
          random: new SeededRandom(mix32(seed ^ mix32(person + 1))),
          store: new MemoryStore(),
          http,
          notifier: { notify: async (n) => void notifications.push(n) },
        },
        phone: { oem: model?.oem ?? 'Apple', model: model?.model ?? 'iPhone' },
        server: { verificationUrl: server.baseUrl, deviceApiKey: server.deviceApiKey },
        region: server.region,
        healthAuthorityId: server.healthAuthorityId,
        exportPublicKeys: server.exportPublicKeys,
      });
      this.byPerson.set(person, { person, device, http, notifications });
    }
  }

  get count(): number {
    return this.byPerson.size;
  }

  phone(person: number): SimPhone | undefined {
    return this.byPerson.get(person);
  }

  /** The start of a day: every phone makes the day's key (and drops keys past retention). */
  async startDay(): Promise<void> {
    for (const phone of this.byPerson.values()) {
      await phone.device.tick();
      for (const { key } of await phone.device.ownKeys.all()) {
        this.keyOwners.set(Buffer.from(key.keyData).toString('hex'), { person: phone.person, key });
      }
    }
  }

  /** Whose key this is (any key a simulated phone made), or undefined for padding and strangers. */
  ownerOf(keyHex: string): { person: number; key: TemporaryExposureKey } | undefined {
    return this.keyOwners.get(keyHex);
  }
}
