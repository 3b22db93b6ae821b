import { sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { adoptionImports } from '../database/schema.js';
import { lockImportSummaries, recomputeImportSummaries } from './adoption-summary.writes.js';
import type { ImportRow } from './csv-import.js';

const CHUNK = 1_000;

/**
 * Stores checked import rows in one transaction with the sums they change (one import at a time); a
 * row for the same (source, day, area) is replaced.
 */
export async function storeImport(db: Database, rows: readonly ImportRow[], at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockImportSummaries(tx);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(adoptionImports)
        .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, importedAt: at })))
        .onConflictDoUpdate({
          target: [
            adoptionImports.source,
            adoptionImports.day,
            adoptionImports.province,
            adoptionImports.district,
          ],
          set: {
            installs: sql`excluded.installs`,
            active: sql`excluded.active`,
            importedAt: sql`excluded.imported_at`,
          },
        });
    }
    await recomputeImportSummaries(tx, rows);
  });
}
