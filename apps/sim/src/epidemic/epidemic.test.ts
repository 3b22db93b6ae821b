import { DEFAULT_EPIDEMIC, epidemicParameters, Random } from '@bluezone/epidemic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Epidemic } from './epidemic.js';
import type { EpidemicDay, Infection } from './events.js';
import { type SyntheticPair, syntheticBatch } from './testing-helpers.js';

/** A random mixing world: each hour of `days` days, `pairsPerHour` random pairs at 0.2–5 m. */
function runMixing(seed: number, size = 2000, days = 10, pairsPerHour = 1500, hazard = 0.01) {
  const epidemic = new Epidemic(size, epidemicParameters({ hazardPerMinute: hazard }), new Random(seed));
  const world = new Random('mixing');
  epidemic.seedRandom(20, 0);
  const log: EpidemicDay[] = [];
  for (let day = 0; day < days; day++) {
    for (let hour = 0; hour < 24; hour++) {
      const pairs: SyntheticPair[] = [];
      for (let i = 0; i < pairsPerHour; i++) {
        const a = world.integer(0, size - 2);
        pairs.push([a, world.integer(a + 1, size - 1), 0.2 + 4.8 * world.next()]);
      }
      epidemic.expose(syntheticBatch(day, hour * 60, 60, pairs));
    }
    log.push(epidemic.endDay(day));
  }
  return { epidemic, log, infections: log.flatMap((day) => day.infections) };
}

describe('Epidemic', () => {
  it('is deterministic for a seed and changes with it', () => {
    const first = runMixing(1);
    expect(first.infections.length).toBeGreaterThan(100);
    expect(runMixing(1).infections).toEqual(first.infections);
    expect(runMixing(1).log).toEqual(first.log);
    expect(runMixing(2).infections).not.toEqual(first.infections);
  });

  it('reports seeded cases without infector and grows from them along contacts', () => {
    const { infections, epidemic } = runMixing(3);
    const seeded = infections.filter((infection) => infection.infector === null);
    expect(seeded).toHaveLength(20);
    expect(seeded.every((infection) => infection.day === 0 && infection.minute === 0)).toBe(true);
    const counts = epidemic.counts();
    expect(counts.susceptible + counts.exposed + counts.infectious + counts.recovered).toBe(2000);
    expect(counts.susceptible).toBe(2000 - infections.length);
  });

  it('infects only susceptible people, once, from an infectious partner in the same step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 29 }),
            fc.integer({ min: 0, max: 29 }),
            fc.float({ min: 0, max: 5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (seed, raw) => {
          const pairs = raw.filter(([a, b]) => a !== b) as SyntheticPair[];
          const epidemic = new Epidemic(30, epidemicParameters({ hazardPerMinute: 0.05 }), new Random(seed));
          epidemic.seed([0, 1, 2], 0);
          const infections: Infection[] = [];
          for (let day = 0; day < 8; day++) {
            for (let step = 0; step < 6; step++) {
              const batch = syntheticBatch(day, 480 + step * 60, 60, pairs);
              const before = new Set(epidemic.infectedPeople());
              const middle = day * 1440 + batch.startMinute + 30;
              epidemic.expose(batch);
              for (const person of epidemic.infectedPeople()) {
                if (before.has(person)) continue;
                const infector = epidemic.infector(person);
                expect(infector).not.toBeNull();
                // The infector was infected before and infectious in the middle of the step, and they met.
                expect(before.has(infector ?? -1)).toBe(true);
                const since = middle - (epidemic.infectedAtMinute(infector ?? -1) ?? middle);
                expect(epidemic.profile.at(since)).toBeGreaterThan(0);
                const met = pairs.some(
                  ([a, b]) => (a === person && b === infector) || (b === person && a === infector),
                );
                expect(met).toBe(true);
                const minute = (epidemic.infectedAtMinute(person) ?? 0) - day * 1440;
                expect(minute).toBeGreaterThanOrEqual(batch.startMinute);
                expect(minute).toBeLessThan(batch.startMinute + 60);
              }
            }
            infections.push(...epidemic.endDay(day).infections);
          }
          const people = infections.map((infection) => infection.person);
          expect(new Set(people).size).toBe(people.length);
          expect(people.length).toBe(epidemic.infectedPeople().length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('infects someone met by many infectious people in one step only once', () => {
    const epidemic = new Epidemic(60, epidemicParameters({ hazardPerMinute: 10 }), new Random(4));
    epidemic.seed(
      Array.from({ length: 50 }, (_, i) => i),
      0,
    );
    const pairs: SyntheticPair[] = [];
    for (let source = 0; source < 50; source++)
      for (let target = 50; target < 60; target++) pairs.push([source, target, 0.1]);
    epidemic.expose(syntheticBatch(3, 600, 5, pairs));
    const infections = epidemic.endDay(3).infections.filter((infection) => infection.infector !== null);
    expect(infections.map((infection) => infection.person).sort((p, q) => p - q)).toEqual([
      50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
    ]);
    expect(epidemic.infectedPeople()).toHaveLength(60);
  });

  it('infects more at short distance (2.02 per metre)', () => {
    // 1,000 index–contact pairs at 0.5 m and 1,000 at 3 m, 2 hours a day for 10 days.
    const epidemic = new Epidemic(4000, epidemicParameters({ hazardPerMinute: 0.003 }), new Random(5));
    const index = Array.from({ length: 2000 }, (_, i) => i);
    epidemic.seed(index, 0);
    const pairs: SyntheticPair[] = index.map((i) => [i, 2000 + i, i < 1000 ? 0.5 : 3]);
    for (let day = 0; day < 10; day++) {
      epidemic.expose(syntheticBatch(day, 600, 120, pairs));
      epidemic.endDay(day);
    }
    const infected = [...epidemic.infectedPeople()].filter((p) => p >= 2000);
    const near = infected.filter((p) => p < 3000).length;
    const far = infected.length - near;
    // Expected about 2.02^2.5 ≈ 5.8 times as many infections near as far (fewer: saturation).
    expect(near).toBeGreaterThan(150);
    expect(near / Math.max(1, far)).toBeGreaterThan(3);
    expect(near / Math.max(1, far)).toBeLessThan(9);
  });

  it('stops transmission from and to isolated people', () => {
    const run = (isolate: 'none' | 'sources' | 'contacts') => {
      const epidemic = new Epidemic(400, epidemicParameters({ hazardPerMinute: 0.05 }), new Random(6));
      epidemic.seed(
        Array.from({ length: 200 }, (_, i) => i),
        0,
      );
      for (let i = 0; i < 200; i++) {
        if (isolate === 'sources') epidemic.isolate(i, 2, 14);
        if (isolate === 'contacts') epidemic.isolate(200 + i, 0, 3);
      }
      const pairs: SyntheticPair[] = Array.from({ length: 200 }, (_, i) => [i, 200 + i, 1]);
      const perDay: number[] = [];
      for (let day = 0; day < 12; day++) {
        epidemic.expose(syntheticBatch(day, 600, 60, pairs));
        perDay.push(
          epidemic.endDay(day).infections.filter((infection) => infection.infector !== null).length,
        );
      }
      return { epidemic, perDay };
    };
    const free = run('none');
    expect(free.perDay.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    // Sources isolated from day 2 on: only infections on days 0–1 (they are barely infectious then).
    const sources = run('sources');
    expect(sources.perDay.slice(2).every((n) => n === 0)).toBe(true);
    expect(sources.epidemic.isolated(0, 1)).toBe(false);
    expect(sources.epidemic.isolated(0, 2)).toBe(true);
    expect(sources.epidemic.isolated(0, 16)).toBe(false);
    // Contacts isolated on days 0–2 only: transmission resumes on day 3.
    const contacts = run('contacts');
    expect(contacts.perDay.slice(0, 3).every((n) => n === 0)).toBe(true);
    expect(contacts.perDay.slice(3).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('extends an overlapping isolation and replaces an earlier one', () => {
    const epidemic = new Epidemic(3, DEFAULT_EPIDEMIC, new Random(1));
    epidemic.isolate(0, 5, 3);
    epidemic.isolate(0, 7, 5);
    expect([4, 5, 11, 12].map((day) => epidemic.isolated(0, day))).toEqual([false, true, true, false]);
    epidemic.isolate(0, 20, 2);
    expect([5, 20, 21, 22].map((day) => epidemic.isolated(0, day))).toEqual([false, true, true, false]);
    expect(() => epidemic.isolate(3, 0, 1)).toThrow(RangeError);
  });

  it('goes through exposed, infectious and recovered at the profile times', () => {
    const epidemic = new Epidemic(10, DEFAULT_EPIDEMIC, new Random(1));
    expect(epidemic.seed([4, 4, 5], 2)).toEqual([4, 5]);
    expect(epidemic.state(4, 1)).toBe('susceptible');
    expect(epidemic.state(4, 2)).toBe('infectious'); // end of the day of infection: 1 day > 0.87
    expect(epidemic.infectedOn(4)).toBe(2);
    expect(epidemic.infector(4)).toBeNull();
    expect(epidemic.state(4, 12)).toBe('recovered');
    expect(epidemic.counts(12)).toEqual({ susceptible: 8, exposed: 0, infectious: 0, recovered: 2 });
    expect(epidemic.counts(1).susceptible).toBe(10);
    const start = epidemic.profile.startMinute;
    expect(start).toBeGreaterThan(720);
    epidemic.expose(syntheticBatch(2, 0, 5, []));
    expect(epidemic.state(4)).toBe('exposed');
    expect(() => epidemic.endDay(2)).not.toThrow();
    expect(() => epidemic.expose(syntheticBatch(2, 60, 5, []))).toThrow(RangeError);
    expect(() => epidemic.seed([1], 1)).toThrow(RangeError);
  });

  it('draws the shared course of disease: asymptomatic share, onset and infectiousness by severity', () => {
    const epidemic = new Epidemic(20_000, DEFAULT_EPIDEMIC, new Random(8));
    const seeded = epidemic.seedRandom(20_000, 0);
    const onsets = seeded.map((p) => epidemic.symptomOnsetDay(p)).filter((day) => day !== null);
    // OpenABM's course: 25 % asymptomatic at every age.
    expect(onsets.length / seeded.length).toBeGreaterThan(0.73);
    expect(onsets.length / seeded.length).toBeLessThan(0.77);
    // Time to symptoms gamma with mean 5.42 days and sd 2.7, rounded to whole days (≥ 1).
    const mean = onsets.reduce((a, b) => a + b, 0) / onsets.length;
    expect(mean).toBeGreaterThan(5.2);
    expect(mean).toBeLessThan(5.7);
    const sorted = onsets.sort((a, b) => a - b);
    expect(sorted[0]).toBeGreaterThanOrEqual(1);
    expect(sorted[Math.floor(sorted.length / 2)]).toBe(5);
  });

  it('takes the course by age when given the ages', () => {
    const people = 2000;
    // Asymptomatic at 0–9, never at 80+.
    const parameters = epidemicParameters({
      course: {
        fractionAsymptomatic: [1, 0, 0, 0, 0, 0, 0, 0, 0],
        mildFraction: [0, 0, 0, 0, 0, 0, 0, 0, 0],
      },
    });
    const symptomatic = (group: number) => {
      const epidemic = new Epidemic(people, parameters, new Random(9), new Uint8Array(people).fill(group));
      return epidemic.seedRandom(people, 0).filter((p) => epidemic.symptomOnsetDay(p) !== null).length;
    };
    expect(symptomatic(0)).toBe(0);
    expect(symptomatic(8)).toBe(people);
    expect(() => new Epidemic(3, DEFAULT_EPIDEMIC, new Random(1), new Uint8Array(2))).toThrow(/ageGroups/);
  });

  it('refuses invalid parameters and people', () => {
    const broken = epidemicParameters({ hazardPerMinute: -1, course: { asymptomaticInfectiousFactor: 2 } });
    expect(() => new Epidemic(10, broken, new Random(1))).toThrow(
      /hazardPerMinute[\s\S]*asymptomaticInfectiousFactor/,
    );
    const epidemic = new Epidemic(10, DEFAULT_EPIDEMIC, new Random(1));
    expect(() => epidemic.seed([10], 0)).toThrow(RangeError);
    expect(() => epidemic.seedRandom(11, 0)).toThrow(RangeError);
    expect(epidemic.seedRandom(10, 0)).toHaveLength(10);
  });
});
