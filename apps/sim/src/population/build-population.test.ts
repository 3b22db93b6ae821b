import { Random, THAI_BINH } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { buildPopulation } from './build-population.js';
import { populationOptions, validatePopulationOptions } from './options.js';
import { placeKind } from './places.js';
import { describePopulation } from './population.js';

const options = populationOptions({ people: 20_000 });
const population = buildPopulation(new Random(11), options);
const summary = describePopulation(population);

describe('buildPopulation', () => {
  it('is deterministic for a seed', () => {
    const again = buildPopulation(new Random(11), options);
    expect(again.age).toEqual(population.age);
    expect(again.daytimePlace).toEqual(population.daytimePlace);
    expect(again.phone).toEqual(population.phone);
    expect(again.hasApp).toEqual(population.hasApp);
    expect(buildPopulation(new Random(12), options).age).not.toEqual(population.age);
  });

  it('reproduces the place: household size ≈ 3.5 (2019 census), ages, urban share', () => {
    expect(summary.people).toBe(20_000);
    expect(summary.meanHouseholdSize).toBeGreaterThan(3.3);
    expect(summary.meanHouseholdSize).toBeLessThan(3.7);
    const children = population.age.filter((age) => age <= 14).length / population.size;
    const elders = population.age.filter((age) => age >= 65).length / population.size;
    expect(children).toBeGreaterThan(0.19); // census 24.3 %, minus the adult heads of households
    expect(children).toBeLessThan(0.27);
    expect(elders).toBeGreaterThan(0.06);
    expect(elders).toBeLessThan(0.12);
    const urban = population.urban.reduce((a, b) => a + b, 0) / population.size;
    expect(urban).toBeCloseTo(THAI_BINH.urbanShare, 1);
  });

  it('sends pupils to classrooms and workers to workplaces of sensible sizes', () => {
    const members = new Map<number, number>();
    for (let person = 0; person < population.size; person++) {
      const place = population.daytimePlace[person] ?? -1;
      const occupation = population.occupation[person];
      if (occupation === 0) expect(place).toBe(-1);
      if (occupation === 1) expect(placeKind(population.places, place)).toBe('classroom');
      if (place >= 0) members.set(place, (members.get(place) ?? 0) + 1);
    }
    for (const [place, count] of members) {
      if (placeKind(population.places, place) === 'classroom') expect(count).toBeLessThanOrEqual(41);
    }
    expect(summary.pupils / population.size).toBeGreaterThan(0.15);
    expect(summary.workers / population.size).toBeGreaterThan(0.4);
    expect(population.market.every((market) => placeKind(population.places, market) === 'market')).toBe(true);
  });

  it('draws phones from the calibration table and hits the adoption share', () => {
    expect(summary.adoption).toBe(0.24);
    expect(summary.iphones / summary.smartphones).toBeCloseTo(THAI_BINH.iphoneShare, 1);
    for (let person = 0; person < population.size; person++) {
      if (population.hasApp[person]) expect(population.phone[person]).toBeGreaterThanOrEqual(0);
    }
    const makers = new Set(population.phoneModels.map((model) => model.oem));
    expect(makers.has('samsung')).toBe(true);
    const elders = [...population.age.keys()].filter((person) => (population.age[person] ?? 0) >= 65);
    const elderAdoption = elders.filter((person) => population.hasApp[person]).length / elders.length;
    expect(elderAdoption).toBeLessThan(summary.adoption);
  });

  it('gives the app to exactly the share of people asked, adding phones when owners are too few', () => {
    for (const adoption of [0.24, 0.6, 0.95]) {
      const built = buildPopulation(new Random(3), populationOptions({ people: 5_000, adoption }));
      expect(describePopulation(built).adoption).toBe(Math.round(adoption * 5_000) / 5_000);
      for (let person = 0; person < built.size; person++) {
        if (built.hasApp[person]) expect(built.phone[person]).toBeGreaterThanOrEqual(0);
      }
      const owners = built.phone.filter((p) => p >= 0).length - built.phonesAdded;
      // Phones are added only beyond the owners, and then every owner has the app.
      if (built.phonesAdded > 0) expect(Math.round(adoption * 5_000)).toBe(owners + built.phonesAdded);
    }
    expect(
      buildPopulation(new Random(3), populationOptions({ people: 5_000, adoption: 0.24 })).phonesAdded,
    ).toBe(0);
    expect(
      buildPopulation(new Random(3), populationOptions({ people: 5_000, adoption: 0.95 })).phonesAdded,
    ).toBeGreaterThan(0);
  });

  it('reports every problem with the options at once', () => {
    const problems = validatePopulationOptions(
      populationOptions({ people: 0, adoption: 1.5, place: { ...THAI_BINH, householdSizeShares: [0.5] } }),
    );
    expect(problems).toHaveLength(3);
    expect(() => buildPopulation(new Random(1), populationOptions({ people: -1 }))).toThrow(/people must be/);
  });
});
