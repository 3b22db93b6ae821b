// A batch's keys as packed fixed-width records, read from the database in a few large values
// instead of one row object per key (an export batch can hold millions of keys).

import { ReportType, type ReportTypeName } from '@bluezone/protocol';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';

/**
 * One record: key (16 bytes), then big-endian int32s: rolling start, rolling period, transmission
 * risk, days since onset (0 when unknown); then the report type as an int16 (1-based position in
 * REPORT_TYPE_NAMES, 0 for a name it does not know), a flags byte and a zero byte (36 bytes: records
 * are moved as 32-bit words).
 */
export const RECORD_BYTES = 36;
export const R = { start: 16, period: 20, risk: 24, days: 28, type: 32, flags: 34 } as const;
export const FLAG_DAYS_KNOWN = 1;
export const FLAG_REVISED = 2;

/** Report type names in the order the records number them. */
export const REPORT_TYPE_NAMES = Object.keys(ReportType) as ReportTypeName[];

/** Keys of one batch: `count` records back to back. */
export interface ExportRecords {
  readonly bytes: Uint8Array;
  readonly count: number;
}

// The names are the protocol's identifiers, written into the SQL as literals.
const TYPE_ARRAY = sql.raw(`ARRAY[${REPORT_TYPE_NAMES.map((n) => `'${n}'`).join(', ')}]::text[]`);

/**
 * Rows per query when a batch is large: bounds the strings the driver builds (7.2 MB of hex), and
 * smaller slices let the parsing of one overlap the database's work on the next (measured: 100,000
 * reads 2 M keys ~15 % faster than 250,000).
 */
const ROWS_PER_QUERY = 100_000;

const record = (revised: boolean) => {
  const v = (column: string) => sql.raw(revised ? `revised_${column}` : column);
  const days = revised
    ? sql.raw('revised_days_since_onset_of_symptoms')
    : sql.raw('days_since_onset_of_symptoms');
  const risk = revised
    ? sql.raw('coalesce(revised_transmission_risk, transmission_risk)')
    : sql.raw('transmission_risk');
  const flags = revised ? 2 : 0;
  return sql`exposure_key || int4send(rolling_start_interval_number) || int4send(rolling_period)
    || int4send(${risk}) || int4send(coalesce(${days}, 0))
    || int2send(coalesce(array_position(${TYPE_ARRAY}, ${v('report_type')}), 0)::int2)
    || set_byte('\\x0000'::bytea, 0, CASE WHEN ${days} IS NULL THEN ${sql.raw(String(flags))} ELSE ${sql.raw(String(flags + 1))} END)`;
};

/** Connections that read the slices of a large batch at once (PostgreSQL; PGlite has one); the pool has 10. */
const PARALLEL_READERS = 3;
const RR = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

type Rows = Record<string, unknown>[];
const rowsOf = async (db: Pick<Database, 'execute'>, query: SQL): Promise<Rows> =>
  ((await db.execute(query)) as unknown as { rows: Rows }).rows;

/**
 * The records of the region's keys whose embargo ended in (start, end] and of the revisions that became
 * exportable then, in no particular order, from one snapshot (a repeatable-read transaction); with
 * `province`, only the keys whose provinces name it (a province's export set; a revision reaches every
 * set its key reached, as a key's provinces never change). A large batch is read in slices of the
 * table (ctid ranges; every slice keeps the set's condition), each aggregated into one bytea by the
 * database; with `parallel` (PostgreSQL), by several connections sharing the snapshot
 * (pg_export_snapshot).
 */
export async function readExportRecords(
  db: Database,
  region: string,
  start: Date,
  end: Date,
  options: { parallel?: boolean; rowsPerQuery?: number; province?: string | undefined } = {},
): Promise<ExportRecords> {
  const from = sql`${start.toISOString()}::timestamptz`;
  const to = sql`${end.toISOString()}::timestamptz`;
  const inSet =
    options.province === undefined
      ? sql`region = ${region}`
      : sql`region = ${region} AND provinces @> ARRAY[${options.province}]::text[]`;
  const window = sql`${inSet} AND exportable_at > ${from} AND exportable_at <= ${to}`;
  const revisedWindow = sql`${inSet} AND revised_at IS NOT NULL
    AND revised_exportable_at > ${from} AND revised_exportable_at <= ${to}`;
  return db.transaction(async (tx) => {
    const [counts] = await rowsOf(
      tx,
      sql`SELECT count(*)::int AS n,
        (pg_relation_size('exposures') / current_setting('block_size')::int)::int AS blocks
      FROM exposures WHERE ${window}`,
    );
    const perQuery = options.rowsPerQuery ?? ROWS_PER_QUERY;
    const slices = Math.max(1, Math.ceil(Number(counts?.n ?? 0) / perQuery));
    const blocks = Number(counts?.blocks ?? 0);
    const slice = (i: number) => {
      const first = sql.raw(`'(${Math.floor((blocks * i) / slices)},0)'::tid`);
      const last = sql.raw(`'(${Math.floor((blocks * (i + 1)) / slices)},0)'::tid`);
      const range =
        slices === 1
          ? sql``
          : i === slices - 1
            ? sql` AND ctid >= ${first}`
            : sql` AND ctid >= ${first} AND ctid < ${last}`;
      return sql`SELECT string_agg(${record(false)}, ''::bytea) AS records FROM exposures WHERE ${window}${range}`;
    };
    const parts: (Uint8Array | undefined)[] = [];
    const read = async (reader: Pick<Database, 'execute'>, i: number, query: SQL) => {
      const value = (await rowsOf(reader, query))[0]?.records;
      parts[i] = value instanceof Uint8Array ? value : undefined;
    };
    if (options.parallel && slices > 1) {
      const [exported] = await rowsOf(tx, sql`SELECT pg_export_snapshot() AS snapshot`);
      const snapshot = String(exported?.snapshot);
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
      let next = 0;
      const reader = () =>
        db.transaction(async (rtx) => {
          await rtx.execute(sql.raw(`SET TRANSACTION SNAPSHOT '${snapshot}'`));
          for (let i = next++; i < slices; i = next++) await read(rtx, i, slice(i));
        }, RR);
      await Promise.all(Array.from({ length: Math.min(PARALLEL_READERS, slices) }, reader));
    } else {
      for (let i = 0; i < slices; i++) await read(tx, i, slice(i));
    }
    await read(
      tx,
      slices,
      sql`SELECT string_agg(${record(true)}, ''::bytea) AS records FROM exposures WHERE ${revisedWindow}`,
    );
    const present = parts.filter((p): p is Uint8Array => p !== undefined && p.length > 0);
    const bytes = present.length === 1 ? (present[0] as Uint8Array) : Buffer.concat(present);
    return { bytes, count: bytes.length / RECORD_BYTES };
  }, RR);
}
