import { DEFAULT_EPIDEMIC, type EpidemicParameters } from '@bluezone/epidemic';

/** What a run simulates and how the health authority acts. */
export interface SimulationOptions {
  readonly people: number;
  readonly days: number;
  /** Share of smartphone owners who run the app (Thái Bình, August 2020: 0.24). */
  readonly adoption: number;
  readonly seed: number;
  /** UTC midnight of simulated day 0 (a Monday), in ms. */
  readonly startMs: number;
  /** People infected on day 0. */
  readonly initialInfections: number;
  /** Share of app users with a confirmed code who publish their keys. */
  readonly uploadShare: number;
  /** Policy: warned F1s get a `recursive` code and publish, so their contacts are warned F2. */
  readonly recursiveCodes: boolean;
  /** Days a warned F1 isolates (from the day after the warning). */
  readonly quarantineDays: number;
  /** Hour (UTC) at which test results come back and codes are issued. */
  readonly resultHour: number;
  /** Hours between export passes and phone syncs. */
  readonly syncEveryHours: number;
  /** Phones that also run the full device runtime (their own matching), to check the shared matcher. */
  readonly fullRuntimeSample: number;
  readonly epidemic: EpidemicParameters;
}

export const DEFAULT_SIMULATION: SimulationOptions = Object.freeze({
  people: 5_000,
  days: 14,
  adoption: 0.24,
  seed: 1,
  startMs: Date.parse('2026-03-02T00:00:00Z'),
  initialInfections: 10,
  uploadShare: 0.9,
  recursiveCodes: true,
  quarantineDays: 14,
  resultHour: 3,
  syncEveryHours: 6,
  fullRuntimeSample: 50,
  epidemic: DEFAULT_EPIDEMIC,
});

/** Every problem with the options, in words. */
export function validateSimulationOptions(o: SimulationOptions): string[] {
  const problems: string[] = [];
  const int = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max)
      problems.push(`${name} must be a whole number in ${min}…${max} (got ${v})`);
  };
  const share = (name: string, v: number) => {
    if (!(v >= 0 && v <= 1)) problems.push(`${name} must be a share in 0…1 (got ${v})`);
  };
  int('people', o.people, 10, 2_000_000);
  int('days', o.days, 1, 60);
  share('adoption', o.adoption);
  share('uploadShare', o.uploadShare);
  int('seed', o.seed, 0, 2 ** 32 - 1);
  int('initialInfections', o.initialInfections, 0, o.people);
  int('quarantineDays', o.quarantineDays, 0, 30);
  int('resultHour', o.resultHour, 0, 23);
  if (![1, 2, 3, 4, 6, 8, 12, 24].includes(o.syncEveryHours))
    problems.push(`syncEveryHours must divide 24 (got ${o.syncEveryHours})`);
  int('fullRuntimeSample', o.fullRuntimeSample, 0, 100_000);
  if (!Number.isFinite(o.startMs) || o.startMs % 86_400_000 !== 0)
    problems.push('startMs must be a UTC midnight');
  return problems;
}
