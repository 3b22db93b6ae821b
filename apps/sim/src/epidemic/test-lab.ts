import type { Random, TestingParameters } from '@bluezone/epidemic';
import { DayBuckets, type TestReason, type TestResult } from './events.js';

const NONE = -1;
const REASONS: readonly TestReason[] = ['symptoms', 'warned'];

/**
 * Tests: the one a symptomatic person takes after onset and the one a warned person takes on request,
 * each person holding at most one pending test of each kind. A result comes back `resultDelayDays`
 * after the test; once a person has tested positive, no further test is taken.
 */
export class TestLab {
  private readonly pending: [Int32Array, Int32Array];
  private readonly confirmed: Uint8Array;
  private readonly byResultDay = new DayBuckets();

  constructor(
    size: number,
    private readonly parameters: TestingParameters,
    private readonly random: Random,
  ) {
    this.pending = [new Int32Array(size).fill(NONE), new Int32Array(size).fill(NONE)];
    this.confirmed = new Uint8Array(size);
  }

  /** Decides at infection whether a symptomatic person will test, and when (`random`: the person's own stream). */
  planSymptomTest(person: number, onsetDay: number, random: Random): void {
    if (!random.bernoulli(this.parameters.symptomaticTestShare)) return;
    const testDay = onsetDay + random.weightedIndex(this.parameters.symptomaticDelayWeights);
    this.schedule(person, testDay, 0);
  }

  /**
   * A test for a person warned on `day`, taken after the warned delay (its result not before
   * `earliestResultDay`); null when the person is confirmed or already has a test due by then.
   */
  request(person: number, day: number, earliestResultDay: number): number | null {
    if (this.confirmed[person] === 1) return null;
    const testDay = day + this.random.weightedIndex(this.parameters.warnedDelayWeights);
    const due = this.pending[1][person] ?? NONE;
    const symptomTest = this.pending[0][person] ?? NONE;
    if ((due !== NONE && due <= testDay) || symptomTest === testDay) return null;
    this.schedule(person, testDay, 1, earliestResultDay);
    return testDay;
  }

  /** True once a person has tested positive. */
  isConfirmed(person: number): boolean {
    return this.confirmed[person] === 1;
  }

  /**
   * The results that come back on `day`, split by outcome: `detectable(person, testDay)` decides,
   * `onsetDay(person, day)` gives the onset reported with the result (null when none by then).
   */
  results(
    day: number,
    detectable: (person: number, testDay: number) => boolean,
    onsetDay: (person: number, resultDay: number) => number | null,
  ): { positive: TestResult[]; negative: TestResult[] } {
    const positive: TestResult[] = [];
    const negative: TestResult[] = [];
    const bucket = this.byResultDay.take(day);
    for (let i = 0; i < bucket.length; i += 3) {
      const person = bucket[i] ?? 0;
      const testDay = bucket[i + 1] ?? 0;
      const kind = bucket[i + 2] ?? 0;
      const slot = this.pending[kind === 0 ? 0 : 1];
      if (slot[person] !== testDay) continue;
      slot[person] = NONE;
      if (this.confirmed[person] === 1) continue;
      const found = detectable(person, testDay) && this.random.bernoulli(this.parameters.sensitivity);
      const result: TestResult = {
        person,
        testDay,
        resultDay: day,
        symptomOnsetDay: onsetDay(person, day),
        reason: REASONS[kind] ?? 'symptoms',
      };
      if (found) {
        this.confirmed[person] = 1;
        positive.push(result);
      } else negative.push(result);
    }
    const byPerson = (p: TestResult, q: TestResult): number => p.person - q.person || p.testDay - q.testDay;
    return { positive: positive.sort(byPerson), negative: negative.sort(byPerson) };
  }

  private schedule(person: number, testDay: number, kind: 0 | 1, earliestResultDay = 0): void {
    this.pending[kind][person] = testDay;
    const resultDay = Math.max(testDay + this.parameters.resultDelayDays, earliestResultDay);
    this.byResultDay.push(resultDay, person, testDay, kind);
  }
}
