import { addDays, daysBetween, isCalendarDay, utcDay } from '../adoption/adoption-areas.js';
import type { BlobStore } from '../blobstore/blob-store.js';
import { AppError } from '../errors/app-error.js';
import { DOWNLOADS_METRIC } from './download-counter.js';
import { provinceStatistics } from './province-statistics.js';
import type { StatisticsRepository } from './statistics.repository.js';

/** Longest range one request may ask for. */
export const MAX_STATISTICS_DAYS = 366;
/** Export files whose size is read from the blob store per request (the rest on later requests). */
const SIZE_READS_PER_REQUEST = 500;
export const MAX_FILES_LISTED = 500;

const TEST_TYPES = ['confirmed', 'likely', 'negative', 'recursive'] as const;
const REPORT_TYPES = [
  'CONFIRMED_TEST',
  'CONFIRMED_CLINICAL_DIAGNOSIS',
  'SELF_REPORT',
  'RECURSIVE',
  'REVOKED',
] as const;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The day range of a request: `to` defaults to today, `from` to 29 days before `to`. */
export function statisticsRange(now: Date, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? utcDay(now);
  const start = from ?? (isCalendarDay(end) ? addDays(end, -29) : end);
  if (
    !isCalendarDay(end) ||
    !isCalendarDay(start) ||
    start > end ||
    daysBetween(start, end) >= MAX_STATISTICS_DAYS
  )
    throw new AppError(
      'invalid_date',
      `from and to are days (YYYY-MM-DD), from ≤ to, at most ${MAX_STATISTICS_DAYS} days.`,
    );
  return { from: start, to: end };
}

/** Codes, uploads, keys by report type and export files per UTC day. */
export async function exposureStatistics(
  repo: StatisticsRepository,
  store: BlobStore,
  range: { from: string; to: string },
  downloads: { flush(): Promise<void> },
  sets: { national: string; provinces: readonly string[] },
) {
  // The downloads this process counted in memory, so a request sees them at once.
  await downloads.flush();
  await repo.snapshot();
  const fresh = await repo.unrecordedExportFiles(SIZE_READS_PER_REQUEST);
  const sized = await Promise.all(
    fresh.map(async (f) => ({
      path: f.path,
      region: f.region,
      day: utcDay(f.createdAt),
      keyCount: f.keyCount,
      sizeBytes: (await store.head(f.path).catch(() => undefined))?.size ?? null,
    })),
  );
  await repo.recordExportFiles(sized);
  const [daily, files] = await Promise.all([
    repo.daily(range.from, range.to),
    repo.exportFilesBetween(range.from, range.to),
  ]);

  const days = Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => {
    const day = addDays(range.from, i);
    return {
      day,
      codesIssued: zeros(TEST_TYPES),
      codesUsed: zeros(TEST_TYPES),
      uploads: zeros(TEST_TYPES),
      keysPublished: zeros(REPORT_TYPES),
      keysRevised: zeros(REPORT_TYPES),
      exportFiles: 0,
      exportBytes: 0,
      exportKeys: 0,
      downloads: 0,
    };
  });
  const byDay = new Map(days.map((d) => [d.day, d]));
  const field = {
    codes_issued: 'codesIssued',
    codes_used: 'codesUsed',
    uploads: 'uploads',
    keys_published: 'keysPublished',
    keys_revised: 'keysRevised',
  } as const;
  const fileDownloads = new Map<string, number>();
  for (const row of daily) {
    if (row.metric !== DOWNLOADS_METRIC) continue;
    const target = byDay.get(row.day);
    if (target) target.downloads += row.value;
    fileDownloads.set(row.kind, (fileDownloads.get(row.kind) ?? 0) + row.value);
  }
  for (const row of daily) {
    const target = byDay.get(row.day);
    const name = field[row.metric as keyof typeof field];
    if (!target || !name) continue;
    const counts = target[name] as Record<string, number>;
    counts[row.kind] = (counts[row.kind] ?? 0) + row.value;
  }
  for (const file of files) {
    const target = byDay.get(file.day);
    if (!target) continue;
    target.exportFiles++;
    target.exportBytes += file.sizeBytes ?? 0;
    target.exportKeys += file.keyCount;
  }
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((a, d) => a + pick(d), 0);
  return {
    ...range,
    funnel: {
      f0Codes: sum((d) => d.codesIssued.confirmed + d.codesIssued.likely),
      f0Uploads: sum((d) => d.uploads.confirmed + d.uploads.likely),
      f0Keys: sum((d) => d.keysPublished.CONFIRMED_TEST + d.keysPublished.CONFIRMED_CLINICAL_DIAGNOSIS),
      f1Codes: sum((d) => d.codesIssued.recursive),
      f1Uploads: sum((d) => d.uploads.recursive),
      f1Keys: sum((d) => d.keysPublished.RECURSIVE),
    },
    days,
    // The newest files, at most MAX_FILES_LISTED; `days` counts them all.
    exportFiles: files
      .slice(-MAX_FILES_LISTED)
      .reverse()
      .map((f) => ({
        path: f.path,
        region: f.region,
        day: f.day,
        keyCount: f.keyCount,
        sizeBytes: f.sizeBytes,
        downloads: fileDownloads.get(f.path) ?? 0,
      })),
    downloads: { total: sum((d) => d.downloads), counted: 'origin' as const },
    byProvince: provinceStatistics(sets.provinces, sets.national, days.length, daily, files),
  };
}
