import type { EpidemicParameters } from '@bluezone/epidemic';
import { InfectiousnessProfile, MINUTES_PER_DAY } from '@bluezone/epidemic';
import type { DiseaseState, StateCounts } from './events.js';

/** Marks "none" in the per-person arrays. */
export const NONE = -1;
/** `phase` of a person never infected. */
export const SUSCEPTIBLE = 0;
/** `phase` of a person infected and not yet past the infectious period (at the last `endDay`). */
export const ACTIVE = 1;
/** `phase` of a person past the infectious period: can neither infect nor be infected. */
export const REMOVED = 2;

/**
 * The per-person record of the epidemic, in typed arrays (no per-person objects): when each person
 * was infected and by whom, their symptom onset, relative infectiousness and isolation; and the
 * queries on it. Times are absolute minutes (day × 1440 + minute of the day). `Epidemic` adds the
 * dynamics.
 */
export class EpidemicState {
  readonly profile: InfectiousnessProfile;
  /**
   * SUSCEPTIBLE, ACTIVE or REMOVED: the only array read for every pair (a pair matters only when it
   * has one SUSCEPTIBLE and one ACTIVE person, i.e. phase(a) XOR phase(b) = 1).
   */
  protected readonly phase: Uint8Array;
  protected readonly infectedAt: Int32Array;
  protected readonly onsetAt: Int32Array;
  protected readonly infectors: Int32Array;
  protected readonly infectivity: Float32Array;
  protected readonly isolatedFrom: Int32Array;
  protected readonly isolatedUntil: Int32Array;
  protected infected = new Int32Array(64);
  protected infectedCount = 0;
  /** End of the latest step or day seen (absolute minute): "now" for `state` and `counts`. */
  protected clock = 0;

  constructor(
    readonly size: number,
    readonly parameters: EpidemicParameters,
  ) {
    this.profile = new InfectiousnessProfile(parameters);
    this.phase = new Uint8Array(size);
    this.infectedAt = new Int32Array(size).fill(NONE);
    this.onsetAt = new Int32Array(size).fill(NONE);
    this.infectors = new Int32Array(size).fill(NONE);
    this.infectivity = new Float32Array(size);
    this.isolatedFrom = new Int32Array(size);
    this.isolatedUntil = new Int32Array(size);
  }

  /** The person's state at the end of `day`, or now (the end of the latest step or day). */
  state(person: number, day?: number): DiseaseState {
    const at = day === undefined ? this.clock : (day + 1) * MINUTES_PER_DAY;
    const infectedAt = this.infectedAt[person] ?? NONE;
    if (infectedAt === NONE || infectedAt >= at) return 'susceptible';
    const since = at - infectedAt;
    if (since < this.profile.startMinute) return 'exposed';
    return since < this.profile.endMinute ? 'infectious' : 'recovered';
  }

  /** How many people are in each state (at the end of `day`, or now); O(people infected). */
  counts(day?: number): StateCounts {
    const counts: StateCounts = { susceptible: this.size, exposed: 0, infectious: 0, recovered: 0 };
    for (let i = 0; i < this.infectedCount; i++) {
      const state = this.state(this.infected[i] ?? 0, day);
      counts[state]++;
      counts.susceptible--;
    }
    return counts;
  }

  /** Everyone infected so far, in order of infection. */
  infectedPeople(): Int32Array {
    return this.infected.slice(0, this.infectedCount);
  }

  /** The day of infection, or null. */
  infectedOn(person: number): number | null {
    const at = this.infectedAt[person] ?? NONE;
    return at === NONE ? null : Math.floor(at / MINUTES_PER_DAY);
  }

  /** The absolute minute of infection (day × 1440 + minute), or null. */
  infectedAtMinute(person: number): number | null {
    const at = this.infectedAt[person] ?? NONE;
    return at === NONE ? null : at;
  }

  /** Who infected the person: null for the uninfected and for seeded cases. */
  infector(person: number): number | null {
    const infector = this.infectors[person] ?? NONE;
    return infector === NONE ? null : infector;
  }

  /** The day symptoms begin (decided at infection, so possibly in the future), or null if none. */
  symptomOnsetDay(person: number): number | null {
    const onset = this.onsetAt[person] ?? NONE;
    return onset === NONE ? null : Math.floor(onset / MINUTES_PER_DAY);
  }

  /**
   * Keeps the person away from everyone from `fromDay` for `days` days: no transmission from or to
   * them. An isolation that overlaps or touches the current one extends it; a later one replaces it.
   */
  isolate(person: number, fromDay: number, days: number): void {
    this.checkPerson(person);
    if (!(Number.isInteger(fromDay) && fromDay >= 0 && Number.isInteger(days) && days >= 0)) {
      throw new RangeError(`isolate needs whole days ≥ 0 (got from ${fromDay} for ${days})`);
    }
    const until = fromDay + days;
    const currentFrom = this.isolatedFrom[person] ?? 0;
    const currentUntil = this.isolatedUntil[person] ?? 0;
    if (currentUntil > currentFrom && currentUntil >= fromDay) {
      this.isolatedFrom[person] = Math.min(currentFrom, fromDay);
      this.isolatedUntil[person] = Math.max(currentUntil, until);
    } else {
      this.isolatedFrom[person] = fromDay;
      this.isolatedUntil[person] = until;
    }
  }

  /** True when the person is isolated on `day`. */
  isolated(person: number, day: number): boolean {
    return (this.isolatedFrom[person] ?? 0) <= day && day < (this.isolatedUntil[person] ?? 0);
  }

  /**
   * True when a test on `testDay` finds the infection: symptomatic from `beforeOnsetDays` before the
   * onset day to `afterOnsetDays` after it, asymptomatic from `asymptomaticFromDay` to
   * `asymptomaticUntilDay` days after the infection day; never before the infection day.
   */
  detectable(person: number, testDay: number): boolean {
    const infectedOn = this.infectedOn(person);
    if (infectedOn === null || testDay < infectedOn) return false;
    const t = this.parameters.testing;
    const onset = this.symptomOnsetDay(person);
    if (onset !== null) return testDay >= onset - t.beforeOnsetDays && testDay <= onset + t.afterOnsetDays;
    return testDay >= infectedOn + t.asymptomaticFromDay && testDay <= infectedOn + t.asymptomaticUntilDay;
  }

  protected checkPerson(person: number): void {
    if (!(Number.isInteger(person) && person >= 0 && person < this.size)) {
      throw new RangeError(`no person ${person} in a population of ${this.size}`);
    }
  }

  /** Appends to the list of the infected. */
  protected record(person: number): void {
    if (this.infectedCount === this.infected.length) {
      const grown = new Int32Array(this.infected.length * 2);
      grown.set(this.infected);
      this.infected = grown;
    }
    this.infected[this.infectedCount++] = person;
  }
}
