/** The JSON report of a run (`bluezone sim --json`). */
export interface SimulationReport {
  readonly people: number;
  readonly days: number;
  /** Share of all people with the app (`appUsers / people`, rounded to a whole person). */
  readonly adoption: number;
  readonly seed: number;
  readonly appUsers: number;
  /** Pairs within 2 m for at least 15 minutes in a day, summed over days. */
  readonly trueCloseContacts: number;
  /** Those in which both people had the app. */
  readonly visibleCloseContacts: number;
  readonly warnings: { readonly F1: number; readonly F2: number };
  /** Of the people warned F1, the share with a visible true close contact of a published F0 that day. */
  readonly precision: number | null;
  /** Of the people with a visible true close contact of a published F0, the share warned F1. */
  readonly recall: number | null;
  /** From the F0's positive result to the warning, median over F1 warnings. */
  readonly medianHoursToWarning: number | null;
  readonly keysPublished: number;
  readonly bytesDownloadedPerPhone: number;
  readonly wallSeconds: number;
  /** Where the wall time went: the world (mobility, radio, epidemic), the phones and server, the sample check. */
  readonly phaseSeconds: { readonly world: number; readonly phones: number; readonly sample: number };
  readonly epidemic: { readonly infections: number; readonly positiveTests: number };
  readonly codes: { readonly confirmed: number; readonly recursive: number };
  readonly uploads: { readonly confirmed: number; readonly recursive: number; readonly failed: number };
  /** Phones that ran the full runtime too, and on how many its warning equals the shared matcher's. */
  readonly fullRuntimeSample: { readonly phones: number; readonly agree: number; readonly warned: number };
  readonly sightingsRecorded: number;
}

/** The median of `values`, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A ratio rounded to 4 places, or null for 0/0. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** The human summary printed at the end of a run. */
export function summaryLines(r: SimulationReport): string[] {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
  return [
    `${r.people.toLocaleString('en')} people, ${r.days} days, adoption ${pct(r.adoption)} of people (${r.appUsers.toLocaleString('en')} phones with the app), seed ${r.seed}`,
    `infections ${r.epidemic.infections}, positive tests ${r.epidemic.positiveTests}, codes F0 ${r.codes.confirmed} / F1 ${r.codes.recursive}, uploads F0 ${r.uploads.confirmed} / F1 ${r.uploads.recursive}`,
    `true close contacts ${r.trueCloseContacts.toLocaleString('en')}, visible to the app ${r.visibleCloseContacts.toLocaleString('en')}`,
    `warnings F1 ${r.warnings.F1}, F2 ${r.warnings.F2}; F1 precision ${pct(r.precision)}, recall ${pct(r.recall)}; median ${r.medianHoursToWarning ?? '—'} h from positive result to warning`,
    `keys published ${r.keysPublished}, downloaded per phone ${(r.bytesDownloadedPerPhone / 1024).toFixed(0)} KiB`,
    `full runtime on ${r.fullRuntimeSample.phones} phones (${r.fullRuntimeSample.warned} warned): ${r.fullRuntimeSample.agree} agree with the shared matcher`,
    `${r.wallSeconds.toFixed(1)} s`,
  ];
}

/** `x` rounded to `places` decimals (null stays null). */
export function roundTo(x: number | null, places: number): number | null {
  return x === null ? null : Math.round(x * 10 ** places) / 10 ** places;
}
