// The national day of docs/scale.md: what Bluezone must carry for Viet Nam, as requests per second
// of each request class in the busiest hour. The benchmark multiplies these by the CPU each request
// costs to project the cores the peak hour needs.

export const NATIONAL_DAY = {
  /** App users, each sending one active signal a day. */
  users: 50_000_000,
  /** Installs a day during a campaign peak. */
  installsPerDay: 1_500_000,
  /** Confirmed cases (F0) given a code a day, the 2021 wave's peak. */
  f0CodesPerDay: 15_000,
  /** Close contacts (F1) given a recursive code per F0 (2021 Vietnamese practice). */
  f1PerF0: 20,
  /** Keys a phone publishes: an F0 its 14 days, an F1 about 4. */
  f0Keys: 14,
  f1Keys: 4,
  /** Officials on the console at once, one request every `officialSeconds` each. */
  officials: 2_000,
  officialSeconds: 10,
  /** The busiest hour carries this many times the day's mean. */
  peakFactor: 3,
  /** CDN edges, export sets (the nation and 63 provinces) and the index's cache lifetime. */
  cdnEdges: 50,
  exportSets: 64,
  indexMaxAgeSeconds: 300,
  /** New export files a day per set (hourly batches). */
  filesPerSetPerDay: 24,
} as const;

export const REQUEST_CLASSES = [
  'active',
  'install',
  'issue',
  'verify',
  'certificate',
  'publish',
  'console',
  'index-miss',
  'zip-miss',
] as const;
export type RequestClass = (typeof REQUEST_CLASSES)[number];

/** What each class is, for the report. */
export const CLASS_LABELS: Record<RequestClass, string> = {
  active: 'POST /v1/adoption/active (one a day per user)',
  install: 'POST /v1/adoption/install (campaign peak)',
  issue: 'POST /api/issue (F0 and F1 codes)',
  verify: 'POST /api/verify',
  certificate: 'POST /api/certificate',
  publish: 'POST /v1/publish (F0 14 keys, F1 4 keys)',
  console: 'console pages and code lists, signed in',
  'index-miss': 'GET index.txt / keys.json (CDN misses)',
  'zip-miss': 'GET export zip (CDN misses)',
};

const DAY = 86_400;

/** Requests per second of each class in the national peak hour. */
export function peakRates(day = NATIONAL_DAY): Record<RequestClass, number> {
  const peak = (perDay: number) => (perDay / DAY) * day.peakFactor;
  const codes = day.f0CodesPerDay * (1 + day.f1PerF0);
  return {
    active: peak(day.users),
    install: peak(day.installsPerDay),
    issue: peak(codes),
    verify: peak(codes),
    certificate: peak(codes),
    publish: peak(codes),
    // Officials work office hours; 2,000 at once is already the peak.
    console: day.officials / day.officialSeconds,
    // One miss per edge per set per cache lifetime, whatever the number of phones.
    'index-miss': (day.cdnEdges * day.exportSets) / day.indexMaxAgeSeconds,
    'zip-miss': (day.cdnEdges * day.exportSets * day.filesPerSetPerDay) / DAY,
  };
}

/** Keys published a day under the model (docs/scale.md). */
export function keysPerDay(day = NATIONAL_DAY): number {
  return day.f0CodesPerDay * day.f0Keys + day.f0CodesPerDay * day.f1PerF0 * day.f1Keys;
}
