import { sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';

/** The statistics metric of export downloads: `kind` is the file's path, `value` its downloads that day. */
export const DOWNLOADS_METRIC = 'export_downloads';

/**
 * Counts the export files this server hands out (answers 200 to `GET /v1/exports/{region}/{file}`),
 * per UTC day and file, with no trace of who downloaded: counts wait in memory and are added to
 * `statistics_daily` every `flushMs` and when the server closes. Behind a CDN only its cache misses
 * reach the server, so these are origin downloads (docs/api.md).
 */
export class DownloadCounter {
  private pending = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly flushMs = 10_000,
  ) {}

  /** One download of `path` on `day` (YYYY-MM-DD). */
  count(day: string, path: string): void {
    const key = `${day} ${path}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.flush().catch(() => undefined), this.flushMs);
      this.timer.unref?.();
    }
  }

  /** Adds what is pending to the database (one statement); safe to call at any time. */
  flush(): Promise<void> {
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(async () => {
        if (this.pending.size === 0) return;
        const batch = this.pending;
        this.pending = new Map();
        const rows = [...batch].map(([key, n]) => {
          const space = key.indexOf(' ');
          return sql`(${key.slice(0, space)}::date, ${DOWNLOADS_METRIC}, ${key.slice(space + 1)}, ${n})`;
        });
        try {
          await this.db.execute(sql`
          INSERT INTO statistics_daily (day, metric, kind, value) VALUES ${sql.join(rows, sql`, `)}
          ON CONFLICT (day, metric, kind) DO UPDATE SET value = statistics_daily.value + excluded.value`);
        } catch (error) {
          // Kept for the next flush rather than lost.
          for (const [key, n] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
          throw error;
        }
      });
    return this.flushing;
  }

  /** Stops the timer and writes what is pending. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush().catch(() => undefined);
  }
}

const COUNTERS = new WeakMap<Database, DownloadCounter>();

/** The counter of a database: the distribution routes count into it, the statistics flush it first. */
export function downloadCounterFor(db: Database): DownloadCounter {
  let counter = COUNTERS.get(db);
  if (!counter) {
    counter = new DownloadCounter(db);
    COUNTERS.set(db, counter);
  }
  return counter;
}
