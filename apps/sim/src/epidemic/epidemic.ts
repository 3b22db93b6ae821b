import type { EpidemicParameters, Random } from '@bluezone/epidemic';
import {
  drawDiseaseCourse,
  INFECTIOUSNESS_STEP_MINUTES,
  MINUTES_PER_DAY,
  NEVER as NEVER_DAY,
  severityInfectiousness,
  validateEpidemicParameters,
} from '@bluezone/epidemic';
import type { ContactBatch } from '../mobility/contact-batch.js';
import { ACTIVE, EpidemicState, NONE, REMOVED, SUSCEPTIBLE } from './epidemic-state.js';
import {
  DayBuckets,
  type EpidemicDay,
  type Infection,
  type SymptomOnset,
  type TestResult,
} from './events.js';
import { TestLab } from './test-lab.js';

/**
 * Who infects whom along the mobility model's close pairs, and when the infected show symptoms and
 * test positive. Call `seed`/`seedRandom`, then per day: `expose` for every mobility step, then
 * `endDay`; `isolate` and `requestTest` as policy dictates. Random streams (forks of `random`):
 * `transmission` (in the order of `expose` calls), `seed`, `tests`, and `course/<person>` for each
 * person's disease course, so someone's symptoms and incubation do not depend on who infected them.
 */
export class Epidemic extends EpidemicState {
  private readonly lab: TestLab;
  private readonly infectionsByDay = new DayBuckets();
  private readonly onsetsByDay = new DayBuckets();
  private readonly transmission: Random;
  private readonly seeding: Random;
  private readonly courses: Random;
  private endedDay = -1;
  /** Scratch: indexes of the step's pairs with exactly one infected person. */
  private mixed = new Int32Array(1024);
  /** People ACTIVE at the last `endDay` or infected since. */
  private readonly active: number[] = [];

  /**
   * `ageGroups`: each person's age decade (0 = 0–9 … 8 = 80+), for the course of disease; without
   * it everyone is treated as aged 30–39.
   */
  constructor(
    populationSize: number,
    parameters: EpidemicParameters,
    random: Random,
    private readonly ageGroups?: Uint8Array,
  ) {
    const problems = validateEpidemicParameters(parameters);
    if (!(Number.isInteger(populationSize) && populationSize >= 0)) {
      problems.push(`populationSize must be a whole number ≥ 0 (got ${populationSize})`);
    }
    if (ageGroups !== undefined && ageGroups.length !== populationSize) {
      problems.push(`ageGroups must have one entry per person (${ageGroups.length} for ${populationSize})`);
    }
    if (problems.length > 0) throw new RangeError(`invalid epidemic parameters:\n- ${problems.join('\n- ')}`);
    super(populationSize, parameters);
    this.transmission = random.fork('transmission');
    this.seeding = random.fork('seed');
    this.courses = random.fork('course');
    this.lab = new TestLab(populationSize, parameters.testing, random.fork('tests'));
  }

  /** Infects `people` at the start of `day` (imported cases); returns those who were still susceptible. */
  seed(people: readonly number[], day: number): number[] {
    this.checkOpenDay(day, 'seed');
    const seeded: number[] = [];
    for (const person of people) {
      this.checkPerson(person);
      if (this.phase[person] !== SUSCEPTIBLE) continue;
      this.infect(person, NONE, day * MINUTES_PER_DAY);
      seeded.push(person);
    }
    return seeded;
  }

  /** Infects `count` susceptible people drawn uniformly, at the start of `day`; returns them. */
  seedRandom(count: number, day: number): number[] {
    const susceptible = this.size - this.infectedCount;
    if (!(Number.isInteger(count) && count >= 0 && count <= susceptible)) {
      throw new RangeError(`seedRandom needs 0 … ${susceptible} people (got ${count})`);
    }
    const chosen = new Set<number>();
    if (count * 2 <= susceptible) {
      while (chosen.size < count) {
        const person = this.seeding.integer(0, this.size - 1);
        if (this.phase[person] === SUSCEPTIBLE) chosen.add(person);
      }
    } else {
      const pool: number[] = [];
      for (let person = 0; person < this.size; person++)
        if (this.phase[person] === SUSCEPTIBLE) pool.push(person);
      for (const person of this.seeding.shuffle(pool).slice(0, count)) chosen.add(person);
    }
    return this.seed([...chosen], day);
  }

  /**
   * One mobility step: every pair of an infected and a susceptible person, neither isolated that day,
   * transmits with probability 1 − exp(−hazard × infectiousness(t) × relative infectiousness ×
   * distance factor × minutes), t at the middle of the step; the infection gets a uniform minute of
   * the step. Other pairs cost one XOR of two bytes.
   */
  expose(batch: ContactBatch): void {
    this.checkOpenDay(batch.day, 'expose');
    if (this.mixed.length < batch.count) this.mixed = new Int32Array(batch.count);
    const found = findMixedPairs(this.phase, batch.a, batch.b, batch.count, this.mixed);
    if (found > 0) this.transmit(batch, found);
    this.clock = Math.max(this.clock, batch.day * MINUTES_PER_DAY + batch.startMinute + batch.minutes);
  }

  /** Draws the infections of the batch's first `found` pairs listed in `mixed`. */
  private transmit(batch: ContactBatch, found: number): void {
    const { a, b, distanceM, day, minutes } = batch;
    const { phase, mixed, infectedAt, infectivity, isolatedFrom, isolatedUntil, transmission } = this;
    const table = this.profile.table;
    // Module constants copied to locals: some loaders turn imported bindings into getter calls.
    const stepMinutes = INFECTIOUSNESS_STEP_MINUTES;
    const active = ACTIVE;
    const susceptible = SUSCEPTIBLE;
    const start = day * MINUTES_PER_DAY + batch.startMinute;
    const middle = start + minutes / 2;
    const scale = this.parameters.hazardPerMinute * minutes;
    const { referenceM, riskRatioPerM } = this.parameters.distance;
    const decay = Math.log(riskRatioPerM);
    for (let k = 0; k < found; k++) {
      const i = mixed[k] as number;
      let source = a[i] as number;
      let target = b[i] as number;
      if (phase[source] !== active) {
        source = target;
        target = a[i] as number;
      }
      // Someone infected earlier in this step is no longer susceptible.
      if (phase[target] !== susceptible) continue;
      const w = table[Math.floor((middle - (infectedAt[source] as number)) / stepMinutes)];
      if (w === undefined || w === 0) continue;
      if ((isolatedFrom[source] as number) <= day && day < (isolatedUntil[source] as number)) continue;
      if ((isolatedFrom[target] as number) <= day && day < (isolatedUntil[target] as number)) continue;
      const closeness = Math.exp(decay * (referenceM - (distanceM[i] as number)));
      const rate = scale * w * (infectivity[source] as number) * closeness;
      if (transmission.next() < -Math.expm1(-rate)) {
        this.infect(target, source, start + Math.floor(transmission.next() * minutes));
      }
    }
  }

  /**
   * A warned person asks for a test on `day` (the day just ended or later): taken after the warned
   * delay, result `resultDelayDays` later. Returns the test day, or null when the person has already
   * tested positive or has a test due by then.
   */
  requestTest(person: number, day: number): number | null {
    this.checkPerson(person);
    if (!(Number.isInteger(day) && day >= this.endedDay)) {
      throw new RangeError(`requestTest on day ${day}, but day ${this.endedDay} has ended`);
    }
    return this.lab.request(person, day, this.endedDay + 1);
  }

  /** True once the person has tested positive. */
  confirmed(person: number): boolean {
    return this.lab.isConfirmed(person);
  }

  /** Closes `day` (and any skipped before it): its infections, symptom onsets and test results. */
  endDay(day: number): EpidemicDay {
    this.checkOpenDay(day, 'endDay');
    const infections: Infection[] = [];
    const symptomOnsets: SymptomOnset[] = [];
    const positiveTests: TestResult[] = [];
    const negativeTests: TestResult[] = [];
    const knownOnset = (person: number, resultDay: number): number | null => {
      const onset = this.symptomOnsetDay(person);
      return onset !== null && onset <= resultDay ? onset : null;
    };
    for (let d = this.endedDay + 1; d <= day; d++) {
      const found = this.infectionsByDay.take(d);
      for (let i = 0; i < found.length; i += 3) {
        const infector = found[i + 1] ?? NONE;
        const minute = found[i + 2] ?? 0;
        infections.push({
          person: found[i] ?? 0,
          infector: infector === NONE ? null : infector,
          day: d,
          minute,
        });
      }
      for (const person of this.onsetsByDay.take(d).sort((p, q) => p - q))
        symptomOnsets.push({ person, day: d });
      const tested = this.lab.results(d, (p, testDay) => this.detectable(p, testDay), knownOnset);
      positiveTests.push(...tested.positive);
      negativeTests.push(...tested.negative);
    }
    this.endedDay = day;
    this.clock = Math.max(this.clock, (day + 1) * MINUTES_PER_DAY);
    this.retire(this.clock);
    return { day, infections, symptomOnsets, positiveTests, negativeTests };
  }

  /** Records an infection at absolute minute `at` and draws the person's course. */
  private infect(person: number, infector: number, at: number): void {
    const p = this.parameters;
    this.phase[person] = ACTIVE;
    this.active.push(person);
    this.infectedAt[person] = at;
    this.infectors[person] = infector;
    this.record(person);
    const day = Math.floor(at / MINUTES_PER_DAY);
    this.infectionsByDay.push(day, person, infector, at - day * MINUTES_PER_DAY);
    const random = this.courses.fork(String(person));
    const course = drawDiseaseCourse(p.course, this.ageGroups?.[person] ?? ADULT_GROUP, random, 1);
    let infectivity = severityInfectiousness(p.course, course.severity);
    if (p.dispersionK !== null) infectivity *= random.gamma(p.dispersionK, 1 / p.dispersionK);
    this.infectivity[person] = infectivity;
    if (course.onset === NEVER_DAY) return;
    const onset = at + course.onset * MINUTES_PER_DAY;
    this.onsetAt[person] = onset;
    const onsetDay = Math.floor(onset / MINUTES_PER_DAY);
    this.onsetsByDay.push(onsetDay, person);
    this.lab.planSymptomTest(person, onsetDay, random);
  }

  /** Marks REMOVED the active people whose infectious period has ended by absolute minute `now`. */
  private retire(now: number): void {
    let kept = 0;
    for (const person of this.active) {
      if (now - (this.infectedAt[person] as number) >= this.profile.endMinute) this.phase[person] = REMOVED;
      else this.active[kept++] = person;
    }
    this.active.length = kept;
  }

  private checkOpenDay(day: number, what: string): void {
    if (!(Number.isInteger(day) && day > this.endedDay)) {
      throw new RangeError(`${what} on day ${day}, but day ${this.endedDay} has already ended`);
    }
  }
}

/** Age decade used when the population's ages are not given (30–39). */
const ADULT_GROUP = 3;

/**
 * Writes to `out` the indexes of the pairs of one SUSCEPTIBLE and one ACTIVE person and returns how
 * many; a small function of its own so that the engine keeps this loop (the cost of every pair) tight.
 */
function findMixedPairs(
  phase: Uint8Array,
  a: Int32Array,
  b: Int32Array,
  count: number,
  out: Int32Array,
): number {
  let found = 0;
  for (let i = 0; i < count; i++) {
    if (((phase[a[i] as number] as number) ^ (phase[b[i] as number] as number)) === 1) out[found++] = i;
  }
  return found;
}
