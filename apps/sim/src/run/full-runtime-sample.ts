import { fetchTransport } from '@bluezone/api';
import { BluezoneDevice } from '@bluezone/device';
import { MemoryStore, SeededRandom } from '@bluezone/device/testing';
import type { Random } from '@bluezone/epidemic';
import { unixSeconds } from '@bluezone/protocol';
import type { Population } from '../population/population.js';
import type { SharedWarning } from './shared-matcher.js';
import type { SightingLedger } from './sighting-ledger.js';
import { SimClock } from './sim-clock.js';
import type { SimPhones } from './sim-phones.js';
import type { SimServer } from './sim-server.js';

/** How the full runtime compared with the shared matcher. */
export interface SampleCheck {
  readonly phones: number;
  /** Phones whose warning (level and exposure date, or none) is the same both ways. */
  readonly agree: number;
  /** Phones of the sample the shared matcher warned. */
  readonly warned: number;
  readonly disagreements?: readonly string[];
}

const DAY = 86_400_000;

/**
 * The check of the shared matcher: for a sample of phones — half of them warned by it, when there are
 * so many, the rest drawn at random — a fresh @bluezone/device on the same phone model hears
 * everything the ledger says that phone heard in the last 14 days, at its time and with the
 * transmitting phone's real advertisement, then syncs with the real server as a phone does:
 * downloads the index and every file, checks signatures, matches every key (padding included) and
 * scores. Its warning must equal the shared matcher's.
 */
export async function checkSample(input: {
  readonly size: number;
  readonly random: Random;
  readonly population: Population;
  readonly phones: SimPhones;
  readonly ledger: SightingLedger;
  readonly server: SimServer;
  readonly warnings: ReadonlyMap<number, SharedWarning>;
  readonly startMs: number;
  readonly endMs: number;
}): Promise<SampleCheck> {
  const people = pickSample(input);
  const transport = fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) });
  const days = Math.round((input.endMs - input.startMs) / DAY);
  const firstDay = Math.max(0, days - 14);
  let agree = 0;
  const disagreements: string[] = [];
  for (const person of people) {
    const clock = new SimClock(input.startMs + firstDay * DAY);
    const model = input.population.phoneModels[input.population.phone[person] ?? -1];
    const device = new BluezoneDevice({
      ports: {
        clock,
        random: new SeededRandom(person + 1),
        store: new MemoryStore(),
        http: { request: transport },
        notifier: { notify: async () => undefined },
      },
      phone: { oem: model?.oem ?? 'Apple', model: model?.model ?? 'iPhone' },
      server: { verificationUrl: input.server.baseUrl, deviceApiKey: input.server.deviceApiKey },
      region: input.server.region,
      healthAuthorityId: input.server.healthAuthorityId,
      exportPublicKeys: input.server.exportPublicKeys,
    });
    for (let d = firstDay; d < days; d++) {
      const day = input.ledger.day(d);
      if (!day) continue;
      for (const id of day.heardBy(person)) {
        const seconds = day.seconds[id] as number;
        const transmitter = input.phones.phone(day.transmitter[id] as number);
        if (!transmitter) continue;
        clock.set(seconds * 1000);
        const ad = await transmitter.device.ownKeys.advertisementAt(unixSeconds(seconds));
        device.hear({ payload: ad.payload, rssi: day.rssi[id] as number, timeMs: seconds * 1000 });
      }
      await device.flush();
    }
    clock.set(input.endMs);
    await device.sync();
    const own = await device.warning();
    const theirs = input.warnings.get(person);
    const same =
      (own === null && theirs === undefined) ||
      (own !== null &&
        theirs !== undefined &&
        own.level === theirs.level &&
        own.exposureDate === theirs.exposureDate);
    if (same) agree += 1;
    else {
      const show = (w: { level: string; exposureDate: string } | null | undefined) =>
        w ? `${w.level} ${w.exposureDate}` : 'none';
      disagreements.push(`person ${person}: device ${show(own)}, shared ${show(theirs)}`);
    }
  }
  const warned = people.filter((p) => input.warnings.has(p)).length;
  return { phones: people.length, agree, warned, ...(disagreements.length ? { disagreements } : {}) };
}

/** Up to half the sample from the warned phones, the rest from all app users, drawn at random. */
function pickSample(input: {
  size: number;
  random: Random;
  population: Population;
  warnings: ReadonlyMap<number, SharedWarning>;
}): number[] {
  const chosen = new Set<number>();
  const draw = (from: readonly number[], until: number) => {
    for (let tries = 0; chosen.size < until && tries < until * 50 && from.length > 0; tries++) {
      chosen.add(from[Math.floor(input.random.next() * from.length)] as number);
    }
  };
  const warned = [...input.warnings.keys()].sort((a, b) => a - b);
  draw(warned, Math.min(warned.length, Math.ceil(input.size / 2)));
  const users = [...input.population.hasApp.keys()].filter((p) => input.population.hasApp[p] === 1);
  draw(users, Math.min(users.length, input.size));
  return [...chosen].sort((a, b) => a - b);
}
