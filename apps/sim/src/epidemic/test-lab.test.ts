import { DEFAULT_EPIDEMIC, epidemicParameters, Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { Epidemic } from './epidemic.js';
import type { TestResult } from './events.js';

/** Seeds `infected` people on day 0, ends days 0 … days − 1 and collects every result. */
function collect(epidemic: Epidemic, days: number, onDay?: (day: number) => void) {
  const positive: TestResult[] = [];
  const negative: TestResult[] = [];
  const onsets: number[] = [];
  for (let day = 0; day < days; day++) {
    onDay?.(day);
    const events = epidemic.endDay(day);
    positive.push(...events.positiveTests);
    negative.push(...events.negativeTests);
    for (const onset of events.symptomOnsets) {
      expect(onset.day).toBe(day);
      onsets.push(onset.person);
    }
  }
  return { positive, negative, onsets };
}

describe('tests', () => {
  it('tests a share of the symptomatic after onset, positive, result a day later', () => {
    const epidemic = new Epidemic(5000, DEFAULT_EPIDEMIC, new Random(11));
    const seeded = epidemic.seedRandom(5000, 0);
    const { positive, negative, onsets } = collect(epidemic, 40);
    const symptomatic = seeded.filter((p) => epidemic.symptomOnsetDay(p) !== null);
    expect(new Set(onsets)).toEqual(new Set(symptomatic));
    expect(negative).toEqual([]);
    const share = positive.length / symptomatic.length;
    expect(share).toBeGreaterThan(0.66);
    expect(share).toBeLessThan(0.74);
    const delays = new Map<number, number>();
    for (const result of positive) {
      expect(result.reason).toBe('symptoms');
      expect(result.symptomOnsetDay).toBe(epidemic.symptomOnsetDay(result.person));
      expect(result.resultDay).toBe(result.testDay + 1);
      expect(epidemic.confirmed(result.person)).toBe(true);
      const delay = result.testDay - (result.symptomOnsetDay ?? 0);
      delays.set(delay, (delays.get(delay) ?? 0) + 1);
    }
    expect(Math.min(...delays.keys())).toBe(0);
    expect(Math.max(...delays.keys())).toBe(5);
    // Weights 0.1, 0.25, 0.3, 0.2, 0.1, 0.05: two days is the most common delay.
    expect([...delays].sort((p, q) => q[1] - p[1])[0]?.[0]).toBe(2);
  });

  it('finds an infection only inside its detectable window', () => {
    const parameters = epidemicParameters({
      testing: { symptomaticTestShare: 0, warnedDelayWeights: [1], resultDelayDays: 2 },
    });
    const epidemic = new Epidemic(3000, parameters, new Random(12));
    const infected = epidemic.seed(
      Array.from({ length: 2000 }, (_, i) => i),
      0,
    );
    // Person i is warned (and tested the same day) on day i % 25; the last 1000 are never infected.
    const { positive, negative } = collect(epidemic, 30, (day) => {
      for (let person = 0; person < 3000; person++)
        if (person % 25 === day) epidemic.requestTest(person, day);
    });
    expect(positive.length + negative.length).toBe(3000);
    for (const result of [...positive, ...negative]) {
      expect(result.reason).toBe('warned');
      expect(result.resultDay).toBe(result.testDay + 2);
      const onset = epidemic.symptomOnsetDay(result.person);
      const day = result.testDay;
      const expected =
        result.person < 2000 &&
        (onset === null ? day >= 3 && day <= 14 : day >= onset - 2 && day <= onset + 14 && day >= 0);
      expect(positive.includes(result)).toBe(expected);
      // The onset is reported once it has happened by the result day.
      expect(result.symptomOnsetDay).toBe(onset !== null && onset <= result.resultDay ? onset : null);
    }
    expect(positive.length).toBeGreaterThan(1000);
    expect(infected).toHaveLength(2000);
  });

  it('takes one warned test at a time and none after a positive one', () => {
    const parameters = epidemicParameters({
      testing: { symptomaticTestShare: 0, warnedDelayWeights: [0, 1] },
      // Onset about day 8: not detectable before day 6.
      course: { timeToSymptoms: { mean: 8, sd: 0.5 } },
    });
    const epidemic = new Epidemic(2, parameters, new Random(13));
    epidemic.seed([0], 0);
    expect(epidemic.requestTest(0, 0)).toBe(1); // day 1: not yet detectable (negative on day 2)
    expect(epidemic.requestTest(0, 0)).toBeNull(); // already due
    expect(epidemic.requestTest(1, 0)).toBe(1);
    const results = collect(epidemic, 3);
    expect(results.negative.map((r) => r.person)).toEqual([0, 1]);
    expect(epidemic.requestTest(0, 9)).toBe(10);
    const later = collect2(epidemic, 3, 12);
    expect(later.positive.map((r) => [r.person, r.testDay, r.resultDay])).toEqual([[0, 10, 11]]);
    expect(epidemic.requestTest(0, 12)).toBeNull();
    expect(() => epidemic.requestTest(0, 5)).toThrow(RangeError);
  });

  it('misses a share of detectable infections when sensitivity is below 1', () => {
    const parameters = epidemicParameters({
      testing: { symptomaticTestShare: 0, warnedDelayWeights: [1], sensitivity: 0.8 },
      course: { timeToSymptoms: { mean: 5, sd: 1 } },
    });
    const epidemic = new Epidemic(4000, parameters, new Random(14));
    epidemic.seedRandom(4000, 0);
    const { positive } = collect(epidemic, 8, (day) => {
      if (day === 6) for (let person = 0; person < 4000; person++) epidemic.requestTest(person, day);
    });
    // Everyone is detectable on day 6 (asymptomatic from day 3; symptomatic from 2 days before onset,
    // onset ≤ 8 for nearly all), so about 80 % test positive.
    expect(positive.length / 4000).toBeGreaterThan(0.74);
    expect(positive.length / 4000).toBeLessThan(0.82);
  });
});

/** Ends days from..to − 1 and collects the results. */
function collect2(epidemic: Epidemic, from: number, to: number) {
  const positive: TestResult[] = [];
  for (let day = from; day < to; day++) positive.push(...epidemic.endDay(day).positiveTests);
  return { positive };
}
