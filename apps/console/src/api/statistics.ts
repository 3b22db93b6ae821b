import { useOptionalQuery } from './adoption.js';
import { query } from './client.js';

// `GET /console/api/statistics` (apps/server/src/statistics/statistics.routes.ts).

export type TestTypeCounts = Record<'confirmed' | 'likely' | 'negative' | 'recursive', number>;
export type ReportTypeCounts = Record<
  'CONFIRMED_TEST' | 'CONFIRMED_CLINICAL_DIAGNOSIS' | 'SELF_REPORT' | 'RECURSIVE' | 'REVOKED',
  number
>;

export interface StatisticsDay {
  day: string;
  codesIssued: TestTypeCounts;
  codesUsed: TestTypeCounts;
  uploads: TestTypeCounts;
  keysPublished: ReportTypeCounts;
  keysRevised: ReportTypeCounts;
  exportFiles: number;
  exportBytes: number;
  exportKeys: number;
  /** Export files this server handed out that day. */
  downloads: number;
}

export interface Statistics {
  from: string;
  to: string;
  funnel: {
    f0Codes: number;
    f0Uploads: number;
    f0Keys: number;
    f1Codes: number;
    f1Uploads: number;
    f1Keys: number;
  };
  days: StatisticsDay[];
  exportFiles: {
    path: string;
    region: string;
    day: string;
    keyCount: number;
    sizeBytes: number | null;
    downloads: number;
  }[];
  /** Counted where files leave the server: behind a CDN only its cache misses. */
  downloads: { total: number; counted: 'origin' };
}

export const STATISTICS_ROUTE = '/statistics';

/** The last `days` UTC days up to today. */
export function useStatistics(days: number) {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return useOptionalQuery<Statistics>(
    ['statistics', days],
    `${STATISTICS_ROUTE}${query({ from: day(from), to: day(to) })}`,
  );
}

/** F0 keys: confirmed by a test or a clinical diagnosis, or self-reported. */
export const f0Keys = (c: ReportTypeCounts) =>
  c.CONFIRMED_TEST + c.CONFIRMED_CLINICAL_DIAGNOSIS + c.SELF_REPORT;
/** F0 codes and uploads: confirmed and likely. */
export const f0Of = (c: TestTypeCounts) => c.confirmed + c.likely;
