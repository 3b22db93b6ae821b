import { sql } from 'drizzle-orm';
import { CountBuffer } from '../database/count-buffer.js';
import type { Database } from '../database/database.types.js';
import type { Platform } from '../database/schema.js';
import { addToSummaries } from './adoption-summary.writes.js';

/** The key of one counter row: no person, device, address or time finer than the day. */
export interface CounterKey {
  readonly day: string;
  readonly province: string;
  readonly district: string;
  readonly organisation: string;
  readonly channel: string;
  readonly platform: Platform;
  readonly appVersion: string;
}

const FIELDS = ['day', 'province', 'district', 'organisation', 'channel', 'platform', 'appVersion'] as const;

/**
 * The adoption counters of this process: reports are added in memory (`count`) and written every
 * `flushMs`, before the console reads them (`flush`) and at shutdown (`close`), one upsert for every
 * row touched, with the summaries the console reads, in one transaction (docs/scale.md, "Adoption
 * counters", "Adoption summaries").
 */
export function createAdoptionCounter(db: Database, flushMs: number, onError?: (error: unknown) => void) {
  const buffer = new CountBuffer(
    async (rows) => {
      const counted = rows.map(({ key, counts }) => {
        const k = JSON.parse(key) as string[];
        return { k, installs: counts[0] ?? 0, active: counts[1] ?? 0 };
      });
      const values = counted.map(
        ({ k, installs, active }) =>
          sql`(${k[0]}::date, ${k[1]}, ${k[2]}, ${k[3]}, ${k[4]}, ${k[5]}, ${k[6]}, ${installs}::int, ${active}::int)`,
      );
      // The counters and their summaries in one transaction: a reader never sees one without the other.
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO adoption_counts (day, province, district, organisation, channel, platform, app_version, installs, active)
          VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (day, province, district, organisation, channel, platform, app_version) DO UPDATE
          SET installs = adoption_counts.installs + excluded.installs, active = adoption_counts.active + excluded.active`);
        await addToSummaries(
          tx,
          counted.map(({ k, installs, active }) => ({
            day: k[0] as string,
            province: k[1] as string,
            district: k[2] as string,
            organisation: k[3] as string,
            channel: k[4] as string,
            installs,
            active,
          })),
        );
      });
    },
    flushMs,
    onError,
  );
  return {
    /** One install or active report for the row of `key`. */
    count(key: CounterKey, what: 'installs' | 'active'): void {
      buffer.add(JSON.stringify(FIELDS.map((f) => key[f])), what === 'installs' ? [1, 0] : [0, 1]);
    },
    flush: () => buffer.flush(),
    close: () => buffer.close(),
  };
}

export type AdoptionCounter = ReturnType<typeof createAdoptionCounter>;
