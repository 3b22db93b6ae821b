import { resolveRiskConfiguration } from '@bluezone/device';
import { isoDateOfDay, type UtcDay } from '@bluezone/protocol';
import type { DemoAirWorld } from '../demo-air/demo-air-world.js';
import { ageDecades, Epidemic, type TestResult } from '../epidemic/index.js';
import { CloseContactCounter, DEFAULT_MOBILITY_OPTIONS, Mobility } from '../mobility/index.js';
import { buildPopulation, type Population, populationOptions } from '../population/index.js';
import { appPairs, FITTED_RADIO_PARAMETERS, handsetsOf, RadioModel, ScanSchedule } from '../radio/index.js';
import { Random } from '../random/index.js';
import { checkSample } from './full-runtime-sample.js';
import { SimHealthAuthority } from './health-authority.js';
import { SharedMatcher, type SharedWarning } from './shared-matcher.js';
import { SightingLedger } from './sighting-ledger.js';
import type { SimClock } from './sim-clock.js';
import { SimPhones } from './sim-phones.js';
import type { SimServer } from './sim-server.js';
import { type SimulationOptions, validateSimulationOptions } from './simulation-options.js';
import { median, ratio, roundTo, type SimulationReport } from './simulation-report.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where a run is, for a progress bar. */
export interface SimulationProgress {
  readonly day: number;
  readonly days: number;
  readonly phase: 'world' | 'phones' | 'sample';
  readonly infections: number;
  readonly warnings: number;
}

/**
 * A district of virtual phones against a real server: each simulated day, people move and meet
 * (mobility), phones with the app hear each other (radio physics, recorded in the ledger), the virus
 * spreads along true contacts (epidemic); then the day is played on the clock: phones make their
 * keys, results come back and the health authority issues `confirmed` codes over the admin API, the
 * people publish with the device runtime, the server exports, phones sync and are warned, and warned
 * F1s get `recursive` codes (policy) and publish in turn.
 */
export async function runSimulation(
  options: SimulationOptions,
  server: SimServer,
  clock: SimClock,
  onProgress: (p: SimulationProgress) => void = () => undefined,
  shouldStop: () => boolean = () => false,
  onWorld: (world: DemoAirWorld) => void = () => undefined,
  /** Waits (while moving the clock) until `toMs` may come: `npm start` paces simulated time. */
  pace: (toMs: number) => Promise<void> = async () => undefined,
): Promise<SimulationReport> {
  const problems = validateSimulationOptions(options);
  if (problems.length > 0) throw new RangeError(`invalid simulation options:\n- ${problems.join('\n- ')}`);
  const startedAt = performance.now();
  const seconds = { world: 0, phones: 0, sample: 0 };
  const timed = async <T>(phase: keyof typeof seconds, run: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await run();
    } finally {
      seconds[phase] += (performance.now() - t) / 1000;
    }
  };
  const random = new Random(options.seed);
  const people = populationOptions({ people: options.people, adoption: options.adoption });
  const population = buildPopulation(random.fork('population'), people);
  const mobility = new Mobility(population, DEFAULT_MOBILITY_OPTIONS, random.fork('mobility'));
  const handsets = handsetsOf(population);
  const appUsers = [...population.hasApp.keys()].filter((p) => population.hasApp[p] === 1);
  const schedule = new ScanSchedule(population.size, appUsers, random.fork('scanning'));
  const radio = new RadioModel(FITTED_RADIO_PARAMETERS, random.fork('radio'));
  const epidemic = new Epidemic(
    population.size,
    options.epidemic,
    random.fork('epidemic'),
    ageDecades(population.age),
  );
  const decisions = random.fork('decisions');
  const ledger = new SightingLedger(population.size);
  const counter = new CloseContactCounter();
  clock.set(options.startMs);
  const phones = new SimPhones(population, clock, server, options.seed);
  const risk = resolveRiskConfiguration('bluezone');
  const matcher = new SharedMatcher(
    server,
    phones,
    ledger,
    risk,
    server.region,
    options.startMs,
    server.exportPublicKeys,
  );
  const authority = new SimHealthAuthority(server, people.place.province);
  onWorld({ population, handsets, ledger, phones, startMs: options.startMs });
  epidemic.seedRandom(options.initialInfections, 0);
  const truth = new Truth(population);
  const uploads = { confirmed: 0, recursive: 0, failed: 0, keys: 0 };
  const resultMs = new Map<number, number>();
  const firstF1Ms = new Map<number, number>();
  /** People who already had a recursive code: a later, more recent F1 warning does not give another. */
  const recursiveCoded = new Set<number>();
  let positives = 0;
  const dayStart = (d: number) => options.startMs + d * DAY;
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const upload = async (
    person: number,
    code: string,
    testType: 'confirmed' | 'recursive',
    exposureDate?: string,
  ) => {
    const phone = phones.phone(person);
    if (!phone) return;
    try {
      const prepared = await phone.device.prepareUpload(code, exposureDate ? { exposureDate } : {});
      const result = await phone.device.confirmUpload(prepared);
      uploads[testType] += 1;
      uploads.keys += result.insertedExposures;
      if (testType === 'confirmed')
        truth.published(person, Math.floor((clock.nowMs() - options.startMs) / DAY));
    } catch {
      uploads.failed += 1;
    }
  };

  const syncEverything = async (day: number) => {
    await server.runExportPass();
    const report = await matcher.sync(clock.nowMs());
    for (const { person, warning } of report.newWarnings) {
      if (warning.level === 'F1' && !firstF1Ms.has(person)) firstF1Ms.set(person, warning.warnedAtMs);
    }
    for (const { person, warning } of report.newWarnings) await actOnWarning(person, warning, day);
  };

  const actOnWarning = async (person: number, warning: SharedWarning, day: number) => {
    if (warning.level !== 'F1') return;
    if (day + 1 < options.days) epidemic.isolate(person, day + 1, options.quarantineDays);
    epidemic.requestTest(person, day);
    if (!options.recursiveCodes || epidemic.confirmed(person) || recursiveCoded.has(person)) return;
    recursiveCoded.add(person);
    const code = await authority.issue('recursive', { testDate: date(clock.nowMs()) });
    if (code) await upload(person, code, 'recursive', warning.exposureDate);
  };

  const actOnResults = async (results: readonly TestResult[], day: number) => {
    for (const result of results) {
      positives += 1;
      resultMs.set(result.person, clock.nowMs());
      if (day + 1 < options.days) epidemic.isolate(result.person, day + 1, options.quarantineDays);
      if (population.hasApp[result.person] !== 1 || decisions.next() >= options.uploadShare) continue;
      const onset = result.symptomOnsetDay;
      const dates =
        onset === null
          ? { testDate: isoDateOfDay(((dayStart(result.testDay) / DAY) | 0) as UtcDay) }
          : { symptomDate: isoDateOfDay(((dayStart(onset) / DAY) | 0) as UtcDay) };
      const code = await authority.issue('confirmed', dates);
      if (code) await upload(result.person, code, 'confirmed');
    }
  };

  let days = options.days;
  for (let day = 0; day < options.days; day++) {
    if (shouldStop()) {
      days = day;
      break;
    }
    onProgress({
      day,
      days: options.days,
      phase: 'world',
      infections: epidemic.counts().exposed,
      warnings: matcher.warnings.size,
    });
    // The world, minute by minute (synchronous): who met whom, what the phones heard, who got infected.
    ledger.openDay(day);
    const worldStart = performance.now();
    mobility.simulateDay(day, (batch) => {
      counter.add(batch);
      epidemic.expose(batch);
      const pairs = appPairs(batch, handsets);
      const encounter = day * 1440 + batch.startMinute;
      for (let minute = 0; minute < batch.minutes; minute++) {
        const absoluteMinute = encounter + minute;
        schedule.scansIn(absoluteMinute);
        const minuteSeconds = options.startMs / 1000 + absoluteMinute * 60;
        radio.firstReadings(
          pairs,
          schedule.startSecond,
          handsets,
          encounter,
          (receiver, transmitter, rssi, at) =>
            ledger.add(receiver, transmitter, Math.floor(minuteSeconds + at), rssi),
        );
      }
    });
    ledger.closeDay();
    truth.addDay(day, counter.contacts());
    counter.clear();
    const events = epidemic.endDay(day);
    seconds.world += (performance.now() - worldStart) / 1000;

    // The day on the clock: phones, health authority, server.
    onProgress({
      day,
      days: options.days,
      phase: 'phones',
      infections: epidemic.counts().exposed,
      warnings: matcher.warnings.size,
    });
    await pace(dayStart(day));
    clock.set(dayStart(day));
    await timed('phones', () => phones.startDay());
    const actions: { atMs: number; run: () => Promise<void> }[] = [
      { atMs: dayStart(day) + options.resultHour * HOUR, run: () => actOnResults(events.positiveTests, day) },
    ];
    for (let h = 1; h < 24; h += options.syncEveryHours) {
      actions.push({ atMs: dayStart(day) + h * HOUR + 10 * 60_000, run: () => syncEverything(day) });
    }
    for (const action of actions.sort((a, b) => a.atMs - b.atMs)) {
      await pace(action.atMs);
      clock.set(action.atMs);
      await timed('phones', action.run);
    }
  }
  if (days === 0) throw new RangeError('the simulation was stopped before its first day');
  clock.set(dayStart(days) + 3 * HOUR);
  await timed('phones', () => syncEverything(days - 1));

  const f1 = [...matcher.warnings].filter(([, w]) => w.level === 'F1');
  const f2 = [...matcher.warnings].filter(([, w]) => w.level === 'F2');
  const shouldBeWarned = truth.shouldBeWarned();
  const hit = f1.filter(([p]) => shouldBeWarned.has(p)).length;
  const hours = f1.flatMap(([person, w]) => {
    const times = w.sources.map((s) => resultMs.get(s)).filter((t): t is number => t !== undefined);
    const warnedAt = firstF1Ms.get(person);
    return times.length === 0 || warnedAt === undefined ? [] : [(warnedAt - Math.min(...times)) / HOUR];
  });
  onProgress({
    day: days - 1,
    days: options.days,
    phase: 'sample',
    infections: 0,
    warnings: matcher.warnings.size,
  });
  const check = await timed('sample', () =>
    checkSample({
      size: options.fullRuntimeSample,
      random: random.fork('sample'),
      population,
      phones,
      ledger,
      server,
      warnings: matcher.warnings,
      startMs: options.startMs,
      endMs: clock.nowMs(),
    }),
  );
  const counts = epidemic.counts();
  return {
    people: population.size,
    days,
    adoption: options.adoption,
    seed: options.seed,
    appUsers: appUsers.length,
    trueCloseContacts: truth.trueContacts,
    visibleCloseContacts: truth.visibleContacts,
    warnings: { F1: f1.length, F2: f2.length },
    precision: ratio(hit, f1.length),
    recall: ratio(hit, shouldBeWarned.size),
    medianHoursToWarning: roundTo(median(hours), 1),
    keysPublished: uploads.keys,
    bytesDownloadedPerPhone: matcher.bytesPerPhone,
    wallSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
    phaseSeconds: {
      world: Math.round(seconds.world * 10) / 10,
      phones: Math.round(seconds.phones * 10) / 10,
      sample: Math.round(seconds.sample * 10) / 10,
    },
    epidemic: { infections: counts.exposed + counts.infectious + counts.recovered, positiveTests: positives },
    codes: authority.issued,
    uploads: { confirmed: uploads.confirmed, recursive: uploads.recursive, failed: uploads.failed },
    fullRuntimeSample: check,
    sightingsRecorded: ledger.records,
  };
}

/** The ground truth: true close contacts per day, and who published confirmed keys when. */
class Truth {
  trueContacts = 0;
  visibleContacts = 0;
  private readonly visibleByDay: Int32Array[] = [];
  private readonly publishedOn = new Map<number, number>();

  constructor(private readonly population: Population) {}

  addDay(day: number, contacts: readonly { a: number; b: number }[]): void {
    this.trueContacts += contacts.length;
    const visible: number[] = [];
    for (const { a, b } of contacts) {
      if (this.population.hasApp[a] === 1 && this.population.hasApp[b] === 1) visible.push(a, b);
    }
    this.visibleContacts += visible.length / 2;
    this.visibleByDay[day] = Int32Array.from(visible);
  }

  /** `person` published confirmed keys on `day` (the last 14 days' keys). */
  published(person: number, day: number): void {
    if (!this.publishedOn.has(person)) this.publishedOn.set(person, day);
  }

  /** People with a visible true close contact, on a day their contact's published keys cover. */
  shouldBeWarned(): Set<number> {
    const out = new Set<number>();
    this.visibleByDay.forEach((pairs, day) => {
      for (let i = 0; i < pairs.length; i += 2) {
        const a = pairs[i] as number;
        const b = pairs[i + 1] as number;
        if (this.covers(b, day)) out.add(a);
        if (this.covers(a, day)) out.add(b);
      }
    });
    return out;
  }

  private covers(person: number, day: number): boolean {
    const on = this.publishedOn.get(person);
    return on !== undefined && day <= on && day > on - 14;
  }
}
