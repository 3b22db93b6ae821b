import type { ReportTypeCounts, Statistics, TestTypeCounts } from '@bluezone/api';
import { useOptionalQuery } from './adoption.js';
import { query } from './client.js';

// `GET /console/api/statistics`; the answer's type is that of @bluezone/api's StatisticsSchema.

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
