import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { COUNTRY_AREA } from '../database/schema.js';

// What keeps the summary tables of migrations/0012 equal to the sums of the rows they summarise: the
// counter flush adds the same counts to them in its transaction; an import recomputes the sums it
// touched in its own (docs/scale.md, "Adoption summaries").

type Executor = Pick<Database, 'execute'>;

/** One counter row the flush adds to (the key of adoption_counts). */
export interface CountedRow {
  readonly day: string;
  readonly province: string;
  readonly district: string;
  readonly organisation: string;
  readonly channel: string;
  readonly installs: number;
  readonly active: number;
}

/** Sums the counts per key; the keys sorted, so that processes writing at once lock rows in one order. */
function sumBy(rows: readonly CountedRow[], keysOf: (row: CountedRow) => string[][]) {
  const sums = new Map<string, { key: string[]; installs: number; active: number }>();
  for (const row of rows)
    for (const key of keysOf(row)) {
      const id = JSON.stringify(key);
      const sum = sums.get(id);
      if (sum) {
        sum.installs += row.installs;
        sum.active += row.active;
      } else sums.set(id, { key, installs: row.installs, active: row.active });
    }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sum]) => sum);
}

/** Adds the counts of `rows` to adoption_daily and adoption_totals (inside the flush's transaction). */
export async function addToSummaries(tx: Executor, rows: readonly CountedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const daily = sumBy(rows, (r) => [
    [COUNTRY_AREA, r.day],
    [r.province, r.day],
  ]).map(
    ({ key, installs, active }) => sql`(${key[0]}, ${key[1]}::date, ${installs}::bigint, ${active}::bigint)`,
  );
  await tx.execute(sql`
    INSERT INTO adoption_daily (area, day, installs, active) VALUES ${sql.join(daily, sql`, `)}
    ON CONFLICT (area, day) DO UPDATE
    SET installs = adoption_daily.installs + excluded.installs, active = adoption_daily.active + excluded.active`);
  const totals = sumBy(rows, (r) => [
    [r.province, 'channel', r.channel],
    [r.province, 'district', r.district],
    [r.province, 'organisation', r.organisation],
    [r.province, 'province', ''],
  ]).map(
    ({ key, installs, active }) =>
      sql`(${key[0]}, ${key[1]}, ${key[2]}, ${installs}::bigint, ${active}::bigint)` as SQL,
  );
  await tx.execute(sql`
    INSERT INTO adoption_totals (province, dimension, key, installs, active) VALUES ${sql.join(totals, sql`, `)}
    ON CONFLICT (province, dimension, key) DO UPDATE
    SET installs = adoption_totals.installs + excluded.installs, active = adoption_totals.active + excluded.active`);
}

/** Arbitrary constant: the transaction lock that serializes imports' recomputing of their sums. */
const IMPORT_SUMMARY_LOCK = 747_412;

/** Serializes imports until the transaction ends (so that each one's recomputed sums see the other's rows). */
export async function lockImportSummaries(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_SUMMARY_LOCK})`);
}

/**
 * Recomputes adoption_import_daily for the (source, province, day) an import wrote and
 * adoption_import_totals for their (source, province), from the stored rows (an import replaces a
 * figure, so its difference is not known without reading the old one).
 */
export async function recomputeImportSummaries(
  tx: Executor,
  touched: readonly { source: string; province: string; day: string }[],
): Promise<void> {
  if (touched.length === 0) return;
  const array = (values: string[]) => `{${values.map((v) => JSON.stringify(v)).join(',')}}`;
  const sources = array(touched.map((t) => t.source));
  const provinces = array(touched.map((t) => t.province));
  const days = array(touched.map((t) => t.day));
  await tx.execute(sql`
    INSERT INTO adoption_import_daily (source, province, day, installs, active)
    SELECT i.source, i.province, i.day, sum(i.installs), sum(coalesce(i.active, 0))
    FROM adoption_imports i
    JOIN (SELECT DISTINCT * FROM unnest(${sources}::text[], ${provinces}::text[], ${days}::date[])) AS t(source, province, day)
      ON i.source = t.source AND i.province = t.province AND i.day = t.day
    GROUP BY i.source, i.province, i.day
    ORDER BY i.source, i.province, i.day
    ON CONFLICT (source, province, day) DO UPDATE SET installs = excluded.installs, active = excluded.active`);
  await tx.execute(sql`
    INSERT INTO adoption_import_totals (source, province, installs, active)
    SELECT d.source, d.province, sum(d.installs), sum(d.active)
    FROM adoption_import_daily d
    JOIN (SELECT DISTINCT * FROM unnest(${sources}::text[], ${provinces}::text[])) AS t(source, province)
      ON d.source = t.source AND d.province = t.province
    GROUP BY d.source, d.province
    ORDER BY d.source, d.province
    ON CONFLICT (source, province) DO UPDATE SET installs = excluded.installs, active = excluded.active`);
}

/**
 * Recomputes every summary from the rows it sums, in one transaction: for counts written around the
 * server (the benchmark's seeded year) or after old counter rows were deleted by hand.
 */
export async function rebuildAdoptionSummaries(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await lockImportSummaries(tx);
    await tx.execute(sql`LOCK TABLE adoption_counts IN SHARE MODE`);
    await tx.execute(sql`DELETE FROM adoption_daily`);
    await tx.execute(sql`DELETE FROM adoption_totals`);
    await tx.execute(sql`DELETE FROM adoption_import_daily`);
    await tx.execute(sql`DELETE FROM adoption_import_totals`);
    await tx.execute(sql`
      INSERT INTO adoption_daily (area, day, installs, active)
      SELECT coalesce(province, ${COUNTRY_AREA}), day, sum(installs), sum(active) FROM adoption_counts
      GROUP BY GROUPING SETS ((province, day), (day))`);
    for (const dimension of ['province', 'district', 'organisation', 'channel'] as const) {
      const key = dimension === 'province' ? sql`''` : sql.raw(dimension);
      await tx.execute(sql`
        INSERT INTO adoption_totals (province, dimension, key, installs, active)
        SELECT province, ${dimension}, ${key}, sum(installs), sum(active) FROM adoption_counts
        GROUP BY 1, 2, 3`);
    }
    await tx.execute(sql`
      INSERT INTO adoption_import_daily (source, province, day, installs, active)
      SELECT source, province, day, sum(installs), sum(coalesce(active, 0)) FROM adoption_imports
      GROUP BY source, province, day`);
    await tx.execute(sql`
      INSERT INTO adoption_import_totals (source, province, installs, active)
      SELECT source, province, sum(installs), sum(active) FROM adoption_import_daily GROUP BY source, province`);
  });
}
