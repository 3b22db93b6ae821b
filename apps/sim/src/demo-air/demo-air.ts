import type { Random } from '@bluezone/epidemic';
import { intervalOf, toBase64, type UnixSeconds, utcDayOfSeconds } from '@bluezone/protocol';
import { FITTED_RADIO_PARAMETERS } from '../radio/fitted-radio.js';
import type { SimClock } from '../run/sim-clock.js';
import { DemoAirError, type DemoAirWorld } from './demo-air-world.js';
import { SimRate } from './sim-rate.js';
import { type AirSighting, stagedSightings } from './staged-encounter.js';

/** A phone that joined: the person it travels with, what it advertises, meetings staged for it. */
interface JoinedPhone {
  person: number;
  serviceData?: string;
  txPowerDbm?: number;
  staged: AirSighting[];
}

const MAX_PHONES = 50;
const MAX_SIGHTINGS = 5_000;
const KEEP_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The air of `npm start`'s district for phones that are not simulated (the citizen app in a browser,
 * a test): each joins as an app user of the current round and hears what that person's phone hears
 * (the ledger's sightings of them, with the senders' real advertisements), in simulated time. Two
 * joined phones can be put next to each other (`encounter`) and then hear each other. Rounds change
 * the population: every joined phone then travels with an app user of the new round.
 */
export class DemoAir {
  private world: DemoAirWorld | undefined;
  private readonly joined = new Map<string, JoinedPhone>();
  private readonly rate = new SimRate();

  private readonly sampler: ReturnType<typeof setInterval>;

  constructor(
    private readonly clock: SimClock,
    private readonly random: Random,
  ) {
    // The rate is measured on simulated time's progress, sampled every second.
    this.sampler = setInterval(() => this.rate.sample(Date.now(), this.clock.nowMs()), 1_000);
    this.sampler.unref?.();
  }

  /** Stops sampling the clock. */
  close(): void {
    clearInterval(this.sampler);
  }

  /** A new round starts: its world, and a person in it for every joined phone. */
  attach(world: DemoAirWorld): void {
    this.world = world;
    for (const phone of this.joined.values()) phone.person = this.pickPerson(world);
  }

  time(): { nowMs: number; rate: number } {
    const nowMs = this.clock.nowMs();
    return { nowMs, rate: this.rate.sample(Date.now(), nowMs) };
  }

  join(): {
    phoneId: string;
    person: number;
    description: string;
    nowMs: number;
    phone?: { oem: string; model: string };
  } {
    const world = this.world;
    if (!world)
      throw new DemoAirError(
        'demo_air_not_ready',
        503,
        'the simulated district is not running yet; try again in a few seconds',
      );
    if (this.joined.size >= MAX_PHONES)
      throw new DemoAirError('demo_air_full', 503, `at most ${MAX_PHONES} phones can join the demo district`);
    const phoneId = Array.from({ length: 3 }, () =>
      Math.floor(this.random.next() * 2 ** 32)
        .toString(36)
        .padStart(7, '0'),
    ).join('');
    const person = this.pickPerson(world);
    this.joined.set(phoneId, { person, staged: [] });
    const model = world.population.phoneModels[world.population.phone[person] ?? -1];
    return {
      phoneId,
      person,
      description: `person ${person} of ${world.population.size} in the simulated district`,
      nowMs: this.clock.nowMs(),
      ...(model ? { phone: { oem: model.oem, model: model.model } } : {}),
    };
  }

  advertise(phoneId: string, serviceData: string, txPowerDbm: number): void {
    const phone = this.phone(phoneId);
    phone.serviceData = serviceData;
    phone.txPowerDbm = txPowerDbm;
  }

  leave(phoneId: string): void {
    this.joined.delete(phoneId);
  }

  /** What `phoneId` heard after `afterMs` up to now (simulated), oldest first, at most 5,000. */
  async heard(phoneId: string, afterMs: number): Promise<{ nowMs: number; sightings: AirSighting[] }> {
    const phone = this.phone(phoneId);
    const nowMs = this.clock.nowMs();
    const from = Math.max(afterMs, nowMs - KEEP_MS);
    phone.staged = phone.staged.filter((s) => s.timeMs > nowMs - KEEP_MS);
    const out = phone.staged.filter((s) => s.timeMs > from && s.timeMs <= nowMs);
    if (this.world) out.push(...(await this.fromLedger(this.world, phone.person, from, nowMs)));
    out.sort((a, b) => a.timeMs - b.timeMs);
    return { nowMs, sightings: out.slice(0, MAX_SIGHTINGS) };
  }

  /** Puts two joined phones next to each other for the last `minutes`; both hear the other. */
  encounter(phoneId: string, otherPhoneId: string, minutes: number, distanceM: number): number {
    const a = this.phone(phoneId);
    const b = this.phone(otherPhoneId);
    if (phoneId === otherPhoneId)
      throw new DemoAirError('demo_air_invalid', 400, 'a phone cannot meet itself');
    const endMs = this.clock.nowMs();
    let added = 0;
    for (const [sender, receiver] of [
      [a, b],
      [b, a],
    ] as const) {
      if (sender.serviceData === undefined) continue;
      const sightings = stagedSightings(
        FITTED_RADIO_PARAMETERS,
        this.random,
        {
          serviceData: sender.serviceData,
          txPower: sender.txPowerDbm ?? 0,
          rssiCorrection: this.correction(sender),
        },
        { serviceData: receiver.serviceData ?? '', txPower: 0, rssiCorrection: this.correction(receiver) },
        distanceM,
        minutes,
        endMs,
      );
      receiver.staged.push(...sightings);
      added += sightings.length;
    }
    return added;
  }

  private async fromLedger(
    world: DemoAirWorld,
    person: number,
    fromMs: number,
    toMs: number,
  ): Promise<AirSighting[]> {
    const out: AirSighting[] = [];
    const firstDay = Math.max(0, Math.floor((fromMs - world.startMs) / DAY_MS));
    const lastDay = Math.floor((toMs - world.startMs) / DAY_MS);
    for (let d = firstDay; d <= lastDay; d++) {
      const day = world.ledger.day(d);
      if (!day) continue;
      for (const id of day.heardBy(person)) {
        const seconds = day.seconds[id] as number;
        if (seconds * 1000 <= fromMs || seconds * 1000 > toMs) continue;
        const sender = world.phones.phone(day.transmitter[id] as number);
        if (!sender) continue;
        const at = seconds as UnixSeconds;
        const key = await sender.device.ownKeys.keyForDay(utcDayOfSeconds(at));
        const ad = sender.device.ownKeys.advertisementOf(key, intervalOf(at));
        out.push({
          serviceData: toBase64(ad.serviceData),
          rssi: day.rssi[id] as number,
          timeMs: seconds * 1000,
        });
        if (out.length >= MAX_SIGHTINGS) return out;
      }
    }
    return out;
  }

  private phone(phoneId: string): JoinedPhone {
    const phone = this.joined.get(phoneId);
    if (!phone)
      throw new DemoAirError(
        'demo_phone_unknown',
        404,
        'no phone with this id joined the demo district (join again)',
      );
    return phone;
  }

  private correction(phone: JoinedPhone): number {
    const value = this.world?.handsets.rssiCorrection[phone.person];
    return value === undefined || Number.isNaN(value) ? 0 : value;
  }

  /** A random app user of the world. */
  private pickPerson(world: DemoAirWorld): number {
    const users = world.phones.count;
    const target = Math.floor(this.random.next() * users);
    let i = 0;
    for (const person of world.phones.byPerson.keys()) if (i++ === target) return person;
    return 0;
  }
}
