/** The four states of an infection, in the order a person goes through them. */
export const DISEASE_STATES = ['susceptible', 'exposed', 'infectious', 'recovered'] as const;
/** One of DISEASE_STATES. */
export type DiseaseState = (typeof DISEASE_STATES)[number];

/** A new infection: `infector` null for a seeded (imported) case. */
export interface Infection {
  readonly person: number;
  readonly infector: number | null;
  readonly day: number;
  /** Minute of the day (0–1439). */
  readonly minute: number;
}

/** Someone's symptoms begin on `day`. */
export interface SymptomOnset {
  readonly person: number;
  readonly day: number;
}

/** Why a test was taken. */
export type TestReason = 'symptoms' | 'warned';

/** A test taken on `testDay` whose result is known on `resultDay`. */
export interface TestResult {
  readonly person: number;
  readonly testDay: number;
  readonly resultDay: number;
  /** Day of symptom onset, null for an asymptomatic or uninfected person (or one not yet symptomatic). */
  readonly symptomOnsetDay: number | null;
  readonly reason: TestReason;
}

/** What happened on a day (returned by `Epidemic.endDay`). */
export interface EpidemicDay {
  readonly day: number;
  readonly infections: readonly Infection[];
  readonly symptomOnsets: readonly SymptomOnset[];
  /** Positive results that came back on this day. */
  readonly positiveTests: readonly TestResult[];
  /** Negative results that came back on this day. */
  readonly negativeTests: readonly TestResult[];
}

/** How many people are in each state. */
export type StateCounts = Record<DiseaseState, number>;

/** Flat per-day lists of numbers (events stored as tuples, no per-event objects until read). */
export class DayBuckets {
  private readonly days = new Map<number, number[]>();

  push(day: number, ...values: number[]): void {
    let bucket = this.days.get(day);
    if (bucket === undefined) {
      bucket = [];
      this.days.set(day, bucket);
    }
    bucket.push(...values);
  }

  /** Removes and returns the day's values (empty when none). */
  take(day: number): number[] {
    const bucket = this.days.get(day) ?? [];
    this.days.delete(day);
    return bucket;
  }
}
