import { and, eq, isNull, sql } from 'drizzle-orm';
import pg from 'pg';
import { countByDay } from '../database/daily-counts.js';
import type { Database } from '../database/database.types.js';
import { exposures } from '../database/schema.js';

export type ExposureRecord = typeof exposures.$inferSelect;

/** What a publish needs to know of a stored key to plan revisions. */
export type StoredExposure = Pick<
  ExposureRecord,
  'exposureKey' | 'reportType' | 'revisedReportType' | 'revisedAt'
>;

/** The keys of one publish to insert: the shared columns once, the others one array entry per key. */
export interface NewExposures {
  readonly region: string;
  readonly healthAuthorityId: string;
  readonly reportType: string;
  readonly traveler: boolean;
  readonly createdAt: Date;
  /**
   * The provinces whose export sets get these keys (home and declared, ISO 3166-2, no commas); empty:
   * the national set only. Written by the statement that inserts the key, never changed afterwards.
   */
  readonly provinces: readonly string[];
  readonly keys: readonly NewExposureKey[];
}

export interface NewExposureKey {
  readonly exposureKey: Uint8Array;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
  readonly transmissionRisk: number;
  readonly daysSinceOnsetOfSymptoms: number | null;
  readonly exportableAt: Date;
}

/** What `insertUnlessStored` did for one publish. */
export interface InsertOutcome {
  inserted: number;
  readonly stored: StoredExposure[];
}

/** A revision of a stored key's report type (the `revised_*` columns). */
export interface ExposureRevision {
  readonly revisedReportType: string;
  readonly revisedDaysSinceOnsetOfSymptoms: number | null;
  readonly revisedTransmissionRisk: number;
  readonly revisedAt: Date;
  readonly revisedExportableAt: Date;
}

// The publish hot path bypasses Drizzle's query builder (which walked every one of a 14-key insert's
// 154 parameters: a quarter of the server's CPU under load): one statement over arrays, one parameter
// per column, prepared once per connection on PostgreSQL (a named statement).

const STORED_COLUMNS = 'e.exposure_key, e.report_type, e.revised_report_type, e.revised_at';
/**
 * The stored row of input key `i.exposure_key`, looked up by the primary key whatever the table's
 * statistics: a named statement's plan is kept for the connection's life, and a plan made while the
 * table was empty joined it by a sequential scan (measured: 8.6 ms a statement at 84,000 rows). A
 * LATERAL subquery with LIMIT is not flattened into a join, so it is an index probe per key.
 */
const STORED_ROW = '(SELECT * FROM exposures x WHERE x.exposure_key = i.exposure_key LIMIT 1)';
const COLUMNS = `exposure_key, rolling_start_interval_number, rolling_period, transmission_risk,
    days_since_onset_of_symptoms, exportable_at, region, health_authority_id, report_type, traveler, created_at,
    provinces`;
/**
 * The keys of the publishes, compactly (a statement can carry 64 publishes): the 16-byte keys back to
 * back in one binary bytea, one int array per per-key column (times in epoch seconds), and the
 * columns a publish shares once per publish (its provinces comma-joined), joined by its 1-based number `r`.
 */
const INPUT = `SELECT substring($1::bytea FROM 16 * (k.n::int - 1) + 1 FOR 16) AS exposure_key,
    k.rolling_start_interval_number, k.rolling_period, k.transmission_risk, k.days_since_onset_of_symptoms,
    to_timestamp(k.exportable_at) AS exportable_at, p.region, p.health_authority_id, p.report_type, p.traveler,
    to_timestamp(p.created_at) AS created_at, string_to_array(p.provinces, ',') AS provinces, k.r
  FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::float8[], $7::int[]) WITH ORDINALITY
    AS k(rolling_start_interval_number, rolling_period, transmission_risk, days_since_onset_of_symptoms,
         exportable_at, r, n)
  JOIN unnest($8::text[], $9::uuid[], $10::text[], $11::boolean[], $12::float8[], $13::text[]) WITH ORDINALITY
    AS p(region, health_authority_id, report_type, traveler, created_at, provinces, r) ON p.r = k.r`;
const insertInto = (guard: string) => `INSERT INTO exposures (${COLUMNS})
  SELECT ${COLUMNS} FROM input i ${guard}
  ON CONFLICT (exposure_key) DO NOTHING
  RETURNING exposure_key`;

/**
 * The keys of several publishes (`r` numbers them), each publish's inserted only when none of its
 * keys is stored already: answers the stored keys of each publish and how many keys each inserted.
 * No key appears twice in the input (the caller sees to it), so each inserted key names one publish.
 */
const INSERT_UNLESS_STORED = {
  name: 'bz_publish_insert_unless_stored',
  text: `WITH input AS (${INPUT}),
  stored AS (SELECT i.r, ${STORED_COLUMNS} FROM input i CROSS JOIN LATERAL ${STORED_ROW} e),
  inserted AS (${insertInto('WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.r = i.r)')})
SELECT r, exposure_key, report_type, revised_report_type, revised_at, NULL::int AS inserted FROM stored
UNION ALL SELECT i.r, NULL, NULL, NULL, NULL, count(*)::int
  FROM inserted n JOIN input i ON i.exposure_key = n.exposure_key GROUP BY i.r`,
};

const INSERT_NEW = {
  name: 'bz_publish_insert_new',
  text: `WITH input AS (${INPUT}), inserted AS (${insertInto('')}) SELECT count(*)::int AS inserted FROM inserted`,
};

const FIND_STORED = {
  name: 'bz_publish_find_stored',
  text: `SELECT ${STORED_COLUMNS} FROM unnest($1::bytea[]) AS i(exposure_key) CROSS JOIN LATERAL ${STORED_ROW} e`,
};

/** The statements of the publish path (their plans are checked by a test). */
export const PUBLISH_STATEMENTS = { INSERT_UNLESS_STORED, INSERT_NEW, FIND_STORED } as const;

type Row = Record<string, unknown>;
type Statement = { readonly name: string; readonly text: string };
type RawQuery = (statement: Statement, values: unknown[]) => Promise<Row[]>;

/** The driver below Drizzle: named (prepared) statements on a node-postgres pool, plain ones on PGlite. */
function rawQueryOf(db: Database): RawQuery {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool)
    return async (statement, values) => (await client.query({ ...statement, values })).rows;
  const pglite = client as
    | { query?: (text: string, values: unknown[]) => Promise<{ rows: Row[] }> }
    | undefined;
  const pgliteQuery = pglite?.query?.bind(pglite);
  if (!pgliteQuery) throw new Error('exposure repository: unknown database driver');
  return async (statement, values) => (await pgliteQuery(statement.text, values)).rows;
}

/** The parameters of INPUT. */
function valuesOf(publishes: readonly NewExposures[]): unknown[] {
  const count = publishes.reduce((n, p) => n + p.keys.length, 0);
  const keys = Buffer.allocUnsafe(16 * count);
  const start: number[] = [];
  const period: number[] = [];
  const risk: number[] = [];
  const days: (number | null)[] = [];
  const exportable: number[] = [];
  const r: number[] = [];
  publishes.forEach((p, index) => {
    for (const k of p.keys) {
      if (k.exposureKey.length !== 16) throw new Error('an exposure key is 16 bytes');
      keys.set(k.exposureKey, 16 * r.length);
      start.push(k.rollingStartIntervalNumber);
      period.push(k.rollingPeriod);
      risk.push(k.transmissionRisk);
      days.push(k.daysSinceOnsetOfSymptoms);
      exportable.push(k.exportableAt.getTime() / 1000);
      r.push(index + 1);
    }
  });
  return [
    keys,
    start,
    period,
    risk,
    days,
    exportable,
    r,
    publishes.map((p) => p.region),
    publishes.map((p) => p.healthAuthorityId),
    publishes.map((p) => p.reportType),
    publishes.map((p) => p.traveler),
    publishes.map((p) => p.createdAt.getTime() / 1000),
    publishes.map((p) => p.provinces.join(',')),
  ];
}

/** Seconds of one rolling interval (docs/glossary.md: a key's validity is counted in 10-minute intervals). */
const INTERVAL_SECONDS = 600;

const toStored = (row: Row): StoredExposure => ({
  exposureKey: new Uint8Array(row.exposure_key as Uint8Array),
  reportType: row.report_type as string,
  revisedReportType: (row.revised_report_type as string | null) ?? null,
  revisedAt: row.revised_at == null ? null : new Date(row.revised_at as Date),
});

/** Published diagnosis keys (the `exposures` table): no person, device or address is ever stored. */
export function createExposureRepository(db: Database) {
  let raw: RawQuery | undefined;
  const query: RawQuery = (statement, values) => {
    raw ??= rawQueryOf(db);
    return raw(statement, values);
  };
  return {
    /** The stored rows among these keys. */
    async findByKeys(keys: readonly Uint8Array[]): Promise<StoredExposure[]> {
      if (keys.length === 0) return [];
      return (await query(FIND_STORED, [keys])).map(toStored);
    },

    /**
     * In one statement, for each publish: inserts its keys when none of them is stored yet (a
     * concurrent insert of the same key is skipped, not counted); otherwise inserts none of them and
     * answers its stored ones. No key may appear in two publishes of one call.
     */
    async insertUnlessStored(publishes: readonly NewExposures[]): Promise<InsertOutcome[]> {
      const outcomes: InsertOutcome[] = publishes.map(() => ({ inserted: 0, stored: [] }));
      if (publishes.every((p) => p.keys.length === 0)) return outcomes;
      for (const row of await query(INSERT_UNLESS_STORED, valuesOf(publishes))) {
        const outcome = outcomes[Number(row.r) - 1];
        if (!outcome) throw new Error('insertUnlessStored: an answer for no publish');
        if (row.inserted == null) outcome.stored.push(toStored(row));
        else outcome.inserted = Number(row.inserted);
      }
      return outcomes;
    },

    /** Inserts the keys not stored yet; returns how many were inserted. */
    async insertNew(rows: NewExposures): Promise<number> {
      if (rows.keys.length === 0) return 0;
      const [row] = await query(INSERT_NEW, valuesOf([rows]));
      return Number(row?.inserted ?? 0);
    },

    /**
     * Records a revision of a key not revised before, if it still has `fromReportType`; false when
     * another request revised it first (exactly one concurrent revision wins).
     */
    async revise(key: Uint8Array, fromReportType: string, revision: ExposureRevision): Promise<boolean> {
      const rows = await db
        .update(exposures)
        .set(revision)
        .where(
          and(
            eq(exposures.exposureKey, key),
            eq(exposures.reportType, fromReportType),
            isNull(exposures.revisedAt),
          ),
        )
        .returning({ exposureKey: exposures.exposureKey });
      return rows.length === 1;
    },

    /** Deletes the keys whose rolling period ended at or before `cutoff` (retention); returns how many. */
    async deleteEndedBefore(cutoff: Date): Promise<number> {
      const cutoffInterval = Math.floor(cutoff.getTime() / 1000 / INTERVAL_SECONDS);
      const rows = await db
        .delete(exposures)
        .where(sql`${exposures.rollingStartIntervalNumber} + ${exposures.rollingPeriod} <= ${cutoffInterval}`)
        .returning({ exposureKey: exposures.exposureKey });
      return rows.length;
    },

    /** Keys published per UTC day and report type (the statistics). */
    publishedByDay: () => countByDay(db, 'exposures', 'created_at', 'report_type'),

    /** Keys revised per UTC day and revised report type (the statistics). */
    revisedByDay: () => countByDay(db, 'exposures', 'revised_at', 'revised_report_type'),
  };
}

export type ExposureRepository = ReturnType<typeof createExposureRepository>;
