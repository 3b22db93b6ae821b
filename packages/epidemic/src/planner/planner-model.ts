import { type DiseaseCourse, drawDiseaseCourse } from '../course/disease-course.js';
import { dailyInfectiousness, gammaShapeScale } from '../course/infectiousness.js';
import {
  AWAY,
  ageType,
  ContactNetworks,
  HOME_ONLY,
  type NetworkDay,
  PRESENT,
} from '../networks/contact-networks.js';
import { buildRandomDay } from '../networks/random-network.js';
import { gammaCdf } from '../random/distributions.js';
import type { Random } from '../random/random.js';
import { hashKey } from '../random/seed-hash.js';
import { ContactTracer } from './contact-tracing.js';
import { networkOptions } from './network-options.js';
import type { PlannerParameters } from './parameters.js';
import { CENTRALISED, POSITIVE, QuarantineLedger, SELF, TRACED } from './quarantine-ledger.js';
import { TestQueue } from './test-queue.js';
import { appShares, NOT_INFECTED, transmitDay } from './transmission.js';

/** Longest infectiousness tabulated (days); the gamma's mass beyond is negligible. */
const MAX_INFECTIOUS_DAYS = 60;

/** What one run of the model gives, per day and in total. */
export interface PlannerRunResult {
  readonly people: number;
  readonly days: number;
  readonly adoption: number;
  readonly appUsers: number;
  readonly totalInfected: number;
  readonly peakDailyInfections: number;
  readonly peakDay: number;
  readonly deaths: number;
  readonly hospitalised: number;
  readonly quarantineEntries: number;
  readonly tracedQuarantineEntries: number;
  readonly quarantinePersonDays: number;
  readonly mostInQuarantine: number;
  /** New infections by transmission each day (the seeded cases are not in it, but are in the total). */
  readonly dailyInfections: readonly number[];
  readonly dailyInQuarantine: readonly number[];
}

/**
 * One run of the planner's agent-based model (OpenABM-Covid19's mechanisms; docs/planner.md): a
 * population on household, occupation and random networks, day by day. Transmission: each susceptible
 * holds an Exp(1) amount of "hazard", every interaction with an infectious person uses up
 * R·S(age)·A(severity)·B(network)/Ī(age) × the day's share of the gamma infectiousness curve, and the
 * person is infected when it runs out (the same as 1 − e^−λ per interaction). `adoption` is the share
 * of people with the app (0 for the reference run with no app).
 */
export class PlannerModel {
  readonly networks: ContactNetworks;
  private readonly p: PlannerParameters;
  private readonly infectedDay: Int32Array;
  private readonly courses: (DiseaseCourse | undefined)[];
  private readonly hazard: Float64Array;
  private readonly susceptibility: Float32Array;
  private readonly infectiousness: Float64Array;
  private readonly appUser: Uint8Array;
  private readonly dead: Uint8Array;
  private readonly inHospital: Uint8Array;
  private readonly quarantine: QuarantineLedger;
  private readonly tracer: ContactTracer;
  private readonly tests: TestQueue;
  private readonly streams: { course: Random; flu: Random; tests: Random; mixing: Random };
  private active: number[] = [];
  private readonly scratch = { stubs: new Int32Array(0) };
  private readonly daily: number[] = [];
  private readonly dailyQuarantine: number[] = [];
  private infectedCount = 0;
  private deaths = 0;
  private hospitalised = 0;
  private day = 0;

  constructor(
    readonly people: number,
    parameters: PlannerParameters,
    readonly adoption: number,
    random: Random,
  ) {
    const p = parameters;
    this.p = p;
    this.networks = new ContactNetworks(
      people,
      networkOptions(p),
      random.fork('networks'),
      hashKey(`${random.seed}:work`)[0],
    );
    const { shape, scale } = gammaShapeScale(p.infectiousPeriod.mean, p.infectiousPeriod.sd);
    this.infectiousness = dailyInfectiousness((t) => gammaCdf(t, shape, scale), MAX_INFECTIOUS_DAYS);
    this.infectedDay = new Int32Array(people).fill(NOT_INFECTED);
    this.courses = new Array(people);
    this.hazard = new Float64Array(people);
    this.susceptibility = new Float32Array(people);
    this.appUser = new Uint8Array(people);
    this.dead = new Uint8Array(people);
    this.inHospital = new Uint8Array(people);
    const hazard = random.fork('hazard');
    const app = random.fork('app');
    const ageGroup = this.networks.population.ageGroup;
    const appShare = appShares(p, adoption);
    for (let person = 0; person < people; person++) {
      const group = ageGroup[person] as number;
      this.hazard[person] = hazard.exponential(1);
      this.susceptibility[person] =
        (p.relativeSusceptibility[group] ?? 1) / (this.networks.meanInteractions[ageType(group)] as number);
      // One uniform per person whatever the adoption: a higher adoption adds app users, never swaps them.
      if (app.next() < (appShare[group] ?? 0)) this.appUser[person] = 1;
    }
    this.quarantine = new QuarantineLedger(people, random.fork('quarantine'));
    this.tracer = new ContactTracer(
      this.networks,
      this.appUser,
      p.traceableInteractionFraction,
      p.tracingDays,
      hashKey(`${random.seed}:app`)[0],
    );
    this.tests = new TestQueue();
    this.streams = {
      course: random.fork('course'),
      flu: random.fork('flu'),
      tests: random.fork('tests'),
      mixing: random.fork('random-network'),
    };
    for (const person of random
      .fork('seed')
      .shuffle([...Array(people).keys()])
      .slice(0, p.seedInfections))
      this.infect(person, 0);
  }

  /** Simulates the next day. */
  step(): void {
    const day = this.day;
    this.quarantine.dropOuts(day);
    this.progress(day);
    this.fluSymptoms(day);
    this.testResults(day);
    const presence = this.presence(day);
    const record: NetworkDay = {
      day,
      presence,
      random: buildRandomDay(
        this.networks.randomCounts,
        (person) => presence[person] === PRESENT,
        this.streams.mixing,
        this.scratch,
      ),
    };
    const before = this.infectedCount;
    transmitDay(record, this.networks, this.active, this.p, {
      infectedDay: this.infectedDay,
      courses: this.courses,
      hazard: this.hazard,
      susceptibility: this.susceptibility,
      infectiousness: this.infectiousness,
      infect: (person) => this.infect(person, day),
    });
    this.daily.push(this.infectedCount - before);
    this.dailyQuarantine.push(this.quarantine.count(day));
    this.tracer.remember(record);
    this.day++;
  }

  /** Runs `days` days (calling `onDay` after each) and returns the result. */
  run(days: number, onDay?: (day: number) => void): PlannerRunResult {
    while (this.day < days) {
      this.step();
      onDay?.(this.day - 1);
    }
    return this.result();
  }

  result(): PlannerRunResult {
    let peakDay = 0;
    this.daily.forEach((n, d) => {
      if (n > (this.daily[peakDay] ?? 0)) peakDay = d;
    });
    let appUsers = 0;
    for (const user of this.appUser) appUsers += user;
    return {
      people: this.people,
      days: this.day,
      adoption: this.adoption,
      appUsers,
      totalInfected: this.infectedCount,
      peakDailyInfections: this.daily[peakDay] ?? 0,
      peakDay,
      deaths: this.deaths,
      hospitalised: this.hospitalised,
      quarantineEntries: this.quarantine.entries,
      tracedQuarantineEntries: this.quarantine.tracedEntries,
      quarantinePersonDays: this.quarantine.personDays,
      mostInQuarantine: this.quarantine.mostAtOnce,
      dailyInfections: [...this.daily],
      dailyInQuarantine: [...this.dailyQuarantine],
    };
  }

  /** The day each person was infected (−1: never). */
  infectionDays(): Int32Array {
    return this.infectedDay;
  }

  /** 1 for the people with the app. */
  appUsers(): Uint8Array {
    return this.appUser;
  }

  private infect(person: number, day: number): void {
    this.infectedDay[person] = day;
    const group = this.networks.population.ageGroup[person] as number;
    this.courses[person] = drawDiseaseCourse(
      this.p,
      group,
      this.streams.course.fork(String(person)),
      this.p.selfQuarantineFraction,
    );
    this.active.push(person);
    this.infectedCount++;
  }

  /** Symptom onsets, hospital admissions, recoveries and deaths due today. */
  private progress(day: number): void {
    const kept: number[] = [];
    for (const person of this.active) {
      const course = this.courses[person] as DiseaseCourse;
      const since = day - (this.infectedDay[person] as number);
      if (since === course.onset && course.reports && !this.inHospital[person])
        this.reportSymptoms(person, day);
      if (since === course.hospital) {
        this.inHospital[person] = 1;
        this.hospitalised++;
        this.quarantine.release(person);
        if (this.p.traceOnHospitalisation) this.traceFrom(person, day);
      }
      if (since >= course.end) {
        this.inHospital[person] = 0;
        if (course.dies) {
          this.dead[person] = 1;
          this.deaths++;
          this.quarantine.release(person);
        }
      } else kept.push(person);
    }
    this.active = kept;
  }

  /** Flu-like symptoms that are not COVID-19: self-isolation and a test like any other. */
  private fluSymptoms(day: number): void {
    const rate = this.p.dailyNonCovSymptomsRate * this.p.selfQuarantineFraction;
    if (rate <= 0) return;
    const flu = this.streams.flu;
    // Skip ahead geometrically instead of one draw per person.
    for (let person = Math.floor(Math.log(1 - flu.next()) / Math.log(1 - rate)); person < this.people; ) {
      if (!this.dead[person] && !this.inHospital[person] && !this.quarantine.isIn(person, day))
        this.reportSymptoms(person, day);
      person += 1 + Math.floor(Math.log(1 - flu.next()) / Math.log(1 - rate));
    }
  }

  private reportSymptoms(person: number, day: number): void {
    const p = this.p;
    this.quarantine.enter(person, day, {
      reason: SELF,
      length: p.quarantineLengthSelf,
      dailyDropout: p.quarantineDropoutSelf,
      place: 'home',
    });
    if (p.testOnSymptoms)
      this.tests.order(person, day + p.testOrderWait, day + p.testOrderWait + p.testResultWait);
  }

  /** Results due today: positive → isolation and tracing; negative → release from self-isolation. */
  private testResults(day: number): void {
    const p = this.p;
    this.tests.due(day, (person, taken) => {
      if (this.dead[person]) return;
      const infected = this.infectedDay[person] as number;
      const course = this.courses[person];
      const detectable =
        infected !== NOT_INFECTED &&
        course !== undefined &&
        taken - infected >= p.testInsensitivePeriod &&
        taken - infected < course.end;
      if (detectable && this.streams.tests.next() < p.testSensitivity) {
        if (!this.inHospital[person])
          this.quarantine.enter(person, day, {
            reason: POSITIVE,
            length: p.quarantineLengthPositive,
            dailyDropout: p.quarantineDropoutPositive,
            place: p.positivePlace,
          });
        this.traceFrom(person, day);
      } else if (this.quarantine.reason[person] === SELF) this.quarantine.release(person);
    });
  }

  /** A confirmed case with the app: its traced contacts are asked to quarantine. */
  private traceFrom(index: number, day: number): void {
    const p = this.p;
    if (this.adoption <= 0 || day < p.appTurnOnDay || this.appUser[index] !== 1) return;
    const { f1, f2 } = this.tracer.trace(index, p.tracingNetworkDepth);
    const notify = (contacts: number[], hop: 'f1' | 'f2') => {
      const order = p.traced[hop];
      for (const person of contacts) {
        if (this.dead[person] || this.inHospital[person]) continue;
        this.quarantine.notify(person, day, { reason: TRACED, ...order }, order.compliance);
      }
    };
    notify(f1, 'f1');
    notify(f2, 'f2');
  }

  private presence(day: number): Uint8Array {
    const presence = new Uint8Array(this.people);
    const q = this.quarantine;
    for (let person = 0; person < this.people; person++) {
      if (this.dead[person] || this.inHospital[person]) presence[person] = AWAY;
      else if (q.isIn(person, day)) presence[person] = q.place[person] === CENTRALISED ? AWAY : HOME_ONLY;
    }
    return presence;
  }
}
