import { unixSeconds } from '@bluezone/protocol';
import type { Population } from '../population/population.js';
import type { Random } from '../random/random.js';
import type { SharedWarning } from './shared-matcher.js';
import type { LedgerDay } from './sighting-ledger.js';
import type { SimClock } from './sim-clock.js';
import type { SimPhone, SimPhones } from './sim-phones.js';

/** How the full runtime compared with the shared matcher. */
export interface SampleCheck {
  readonly phones: number;
  /** Phones whose warning (level and exposure date, or none) is the same both ways. */
  readonly agree: number;
  /** Phones of the sample warned by either. */
  readonly warned: number;
  readonly disagreements?: readonly string[];
}

/**
 * Phones that run everything on their own, as a real phone does: every sighting the ledger records
 * for them is delivered to their device's scanner callback (`hear`) at its time, with the
 * transmitting phone's real advertisement, and at every sync they download the index and files and
 * match all keys (padding included) themselves. Their warnings are then compared with the shared
 * matcher's.
 */
export class FullRuntimeSample {
  constructor(
    readonly people: readonly number[],
    private readonly phones: SimPhones,
  ) {}

  private devices(): SimPhone[] {
    return this.people.flatMap((p) => this.phones.phone(p) ?? []);
  }

  async flush(): Promise<void> {
    for (const phone of this.devices()) await phone.device.flush();
  }

  async sync(): Promise<void> {
    await this.flush();
    for (const phone of this.devices()) await phone.device.sync();
  }

  async compare(shared: ReadonlyMap<number, SharedWarning>): Promise<SampleCheck> {
    let agree = 0;
    let warned = 0;
    const disagreements: string[] = [];
    for (const phone of this.devices()) {
      const own = await phone.device.warning();
      const theirs = shared.get(phone.person);
      if (own !== null || theirs !== undefined) warned += 1;
      const same =
        (own === null && theirs === undefined) ||
        (own !== null &&
          theirs !== undefined &&
          own.level === theirs.level &&
          own.exposureDate === theirs.exposureDate);
      if (same) agree += 1;
      else
        disagreements.push(
          `person ${phone.person}: device ${own ? `${own.level} ${own.exposureDate}` : 'none'}, shared ${theirs ? `${theirs.level} ${theirs.exposureDate}` : 'none'}`,
        );
    }
    return { phones: this.people.length, agree, warned, ...(disagreements.length ? { disagreements } : {}) };
  }
}

/**
 * The sample: app users in the households of the first infections (likely to be warned), then app
 * users drawn at random, `size` in all.
 */
export function pickSample(
  population: Population,
  seeded: readonly number[],
  size: number,
  random: Random,
): number[] {
  const chosen = new Set<number>();
  const homes = new Set(seeded.map((p) => population.home[p]));
  for (let p = 0; p < population.size && chosen.size < size; p++) {
    if (population.hasApp[p] === 1 && homes.has(population.home[p])) chosen.add(p);
  }
  const users = [...population.hasApp.keys()].filter((p) => population.hasApp[p] === 1);
  for (let tries = 0; chosen.size < Math.min(size, users.length) && tries < size * 20; tries++) {
    chosen.add(users[Math.floor(random.next() * users.length)] as number);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Plays one day on the clock: the sample's sightings delivered to their devices, and `timed` actions
 * (results, exports, syncs), all in time order.
 */
export async function replaySample(
  sample: FullRuntimeSample,
  day: LedgerDay,
  phones: SimPhones,
  clock: SimClock,
  timed: { atMs: number; run: () => Promise<void> }[],
): Promise<void> {
  const ids: number[] = [];
  for (const person of sample.people) ids.push(...day.heardBy(person));
  ids.sort((a, b) => (day.seconds[a] as number) - (day.seconds[b] as number) || a - b);
  const queue = [...timed].sort((a, b) => a.atMs - b.atMs);
  let next = 0;
  const runDue = async (untilMs: number) => {
    while (next < queue.length && (queue[next]?.atMs as number) <= untilMs) {
      const action = queue[next++] as (typeof queue)[number];
      clock.set(action.atMs);
      await sample.flush();
      await action.run();
    }
  };
  for (const id of ids) {
    const timeMs = (day.seconds[id] as number) * 1000;
    await runDue(timeMs);
    clock.set(timeMs);
    const receiver = phones.phone(day.receiver[id] as number);
    const transmitter = phones.phone(day.transmitter[id] as number);
    if (!receiver || !transmitter) continue;
    const ad = await transmitter.device.ownKeys.advertisementAt(unixSeconds(day.seconds[id] as number));
    receiver.device.hear({ payload: ad.payload, rssi: day.rssi[id] as number, timeMs });
  }
  await runDue(Number.POSITIVE_INFINITY);
  await sample.flush();
}
