import { sql } from 'drizzle-orm';
import { CountBuffer } from '../database/count-buffer.js';
import type { Database } from '../database/database.types.js';
import type { Platform } from '../database/schema.js';

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
 * row touched (docs/scale.md, "Adoption counters").
 */
export function createAdoptionCounter(db: Database, flushMs: number, onError?: (error: unknown) => void) {
  const buffer = new CountBuffer(
    async (rows) => {
      const values = rows.map(({ key, counts }) => {
        const k = JSON.parse(key) as string[];
        return sql`(${k[0]}::date, ${k[1]}, ${k[2]}, ${k[3]}, ${k[4]}, ${k[5]}, ${k[6]}, ${counts[0] ?? 0}::int, ${counts[1] ?? 0}::int)`;
      });
      await db.execute(sql`
        INSERT INTO adoption_counts (day, province, district, organisation, channel, platform, app_version, installs, active)
        VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (day, province, district, organisation, channel, platform, app_version) DO UPDATE
        SET installs = adoption_counts.installs + excluded.installs, active = adoption_counts.active + excluded.active`);
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
