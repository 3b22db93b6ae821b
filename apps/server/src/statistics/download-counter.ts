import { sql } from 'drizzle-orm';
import { CountBuffer } from '../database/count-buffer.js';
import type { Database } from '../database/database.types.js';

/** The statistics metric of export downloads: `kind` is the file's path, `value` its downloads that day. */
export const DOWNLOADS_METRIC = 'export_downloads';

/**
 * Counts the export files this server hands out (answers 200 to `GET /v1/exports/{region}/{file}`),
 * per UTC day and file, with no trace of who downloaded: counts wait in memory and are added to
 * `statistics_daily` every `flushMs`, before the statistics are read and when the server closes. Behind
 * a CDN only its cache misses reach the server, so these are origin downloads (docs/api.md). Made once
 * by the app (app/build-server.ts) and passed to the distribution and statistics routes.
 */
export function createDownloadCounter(db: Database, flushMs = 10_000) {
  const buffer = new CountBuffer(async (rows) => {
    const values = rows.map(({ key, counts }) => {
      const space = key.indexOf(' ');
      return sql`(${key.slice(0, space)}::date, ${DOWNLOADS_METRIC}, ${key.slice(space + 1)}, ${counts[0] ?? 0})`;
    });
    await db.execute(sql`
      INSERT INTO statistics_daily (day, metric, kind, value) VALUES ${sql.join(values, sql`, `)}
      ON CONFLICT (day, metric, kind) DO UPDATE SET value = statistics_daily.value + excluded.value`);
  }, flushMs);
  return {
    /** One download of `path` on `day` (YYYY-MM-DD). */
    count: (day: string, path: string) => buffer.add(`${day} ${path}`, [1]),
    flush: () => buffer.flush(),
    close: () => buffer.close().catch(() => undefined),
  };
}

export type DownloadCounter = ReturnType<typeof createDownloadCounter>;
