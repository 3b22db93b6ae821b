import { describe, expect, it } from 'vitest';
import { ASYMPTOMATIC, drawDiseaseCourse, MILD, NEVER, SEVERE } from '../course/disease-course.js';
import { dailyInfectiousness, gammaShapeScale } from '../course/infectiousness.js';
import { ContactNetworks, type NetworkDay } from '../networks/contact-networks.js';
import { buildRandomDay } from '../networks/random-network.js';
import { gammaCdf } from '../random/distributions.js';
import { Random } from '../random/random.js';
import { ContactTracer } from './contact-tracing.js';
import { networkOptions } from './network-options.js';
import { OPENABM_BASELINE, type PlannerParameters } from './parameters.js';
import { PlannerModel } from './planner-model.js';

const p = OPENABM_BASELINE;

/** Couples aged 30–39 who meet only each other: no work, no random network, no intervention. */
const couples = (rate: number): PlannerParameters => ({
  ...p,
  population: { ageShares: [0, 0, 0, 1, 0, 0, 0, 0, 0], householdSizeShares: [0, 1] },
  workInteractions: { child: 0, adult: 0, elderly: 0 },
  randomInteractions: { child: { mean: 0, sd: 0 }, adult: { mean: 0, sd: 0 }, elderly: { mean: 0, sd: 0 } },
  infectiousRate: rate,
  seedInfections: 2000,
  fractionAsymptomatic: [0, 0, 0, 0, 0, 0, 0, 0, 0],
  mildFraction: [0, 0, 0, 0, 0, 0, 0, 0, 0],
  hospitalisedFraction: [0, 0, 0, 0, 0, 0, 0, 0, 0],
  selfQuarantineFraction: 0,
  dailyNonCovSymptomsRate: 0,
  testOnSymptoms: false,
});

describe('planner mechanisms', () => {
  it('tabulates the gamma infectiousness curve by day (mean 5.5 d, sd 2.14 d)', () => {
    expect(gammaCdf(2, 1, 1)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(gammaCdf(5, 5, 1)).toBeCloseTo(0.5595067, 6);
    const { shape, scale } = gammaShapeScale(5.5, 2.14);
    const table = dailyInfectiousness((t) => gammaCdf(t, shape, scale), 60);
    expect(table.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const mean = table.reduce((sum, w, t) => sum + w * (t - 0.5), 0);
    expect(mean).toBeCloseTo(5.5, 1);
    expect(table[0]).toBe(0);
  });

  it('gives the household secondary attack rate 1 − exp(−R·S·B_home/Ī)', () => {
    const model = new PlannerModel(20_000, couples(0.2), 0, new Random(5));
    model.run(40);
    const infected = model.infectionDays();
    let exposed = 0;
    let secondary = 0;
    for (let person = 0; person < 20_000; person += 2) {
      const [a, b] = [infected[person] ?? -1, infected[person + 1] ?? -1];
      // A seeded person (day 0) whose partner was not seeded.
      if ((a === 0) === (b === 0)) continue;
      exposed++;
      if (a > 0 || b > 0) secondary++;
    }
    // Ī = 1 interaction a day, S(30–39) = 1.03, B_home = 2, all symptomatic (A = 1); the course ends
    // recovery after ~17 days, so nearly the whole curve (≥ 0.98) counts: 1 − e^−0.412 = 0.338.
    const expected = 1 - Math.exp(-0.2 * 1.03 * 2);
    expect(model.networks.meanInteractions[1]).toBeCloseTo(1, 6);
    expect(exposed).toBeGreaterThan(1500);
    expect(Math.abs(secondary / exposed - expected)).toBeLessThan(0.04);
  });

  it('catches a share 0.8·X² of interactions when a share X has the app', () => {
    const networks = new ContactNetworks(20_000, networkOptions(p), new Random(6), 11);
    const random = new Random(7);
    for (const share of [0.4, 0.8]) {
      const appUser = new Uint8Array(20_000).map(() => (random.next() < share ? 1 : 0));
      const tracer = new ContactTracer(networks, appUser, 0.8, 7, 99);
      const day: NetworkDay = {
        day: 2,
        presence: new Uint8Array(20_000),
        random: buildRandomDay(networks.randomCounts, () => true, random, { stubs: new Int32Array(0) }),
      };
      let interactions = 0;
      let caught = 0;
      for (let person = 0; person < 20_000; person++) {
        networks.forEachInteraction(person, day, (other) => {
          interactions++;
          if (tracer.caught(person, other, day.day)) caught++;
        });
      }
      expect(caught / interactions).toBeCloseTo(0.8 * share * share, 2);
    }
  });

  it('draws courses by age: asymptomatic, mild and severe shares, hospital and death only when severe', () => {
    const random = new Random(8);
    const n = 20_000;
    const severity = [0, 0, 0];
    let hospital = 0;
    let deaths = 0;
    for (let i = 0; i < n; i++) {
      const course = drawDiseaseCourse(p, 8, random, 0.8);
      severity[course.severity] = (severity[course.severity] ?? 0) + 1;
      if (course.severity !== SEVERE) expect(course.hospital).toBe(NEVER);
      if (course.severity === ASYMPTOMATIC) expect(course.onset).toBe(NEVER);
      if (course.hospital !== NEVER) hospital++;
      if (course.dies) deaths++;
      expect(course.end).toBeGreaterThan(Math.max(course.onset, course.hospital, course.critical));
    }
    // 80+: asymptomatic 0.25, mild 0.05, severe 0.70; hospital 0.14 of severe; critical 0.709, death 1.
    expect((severity[ASYMPTOMATIC] ?? 0) / n).toBeCloseTo(0.25, 1);
    expect((severity[MILD] ?? 0) / n).toBeCloseTo(0.05, 1);
    expect(hospital / n).toBeCloseTo(0.7 * 0.14, 2);
    expect(deaths / n).toBeCloseTo(0.7 * 0.14 * 0.709, 2);
  });
});
