import { asc, not, type SQL } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exportFiles } from '../database/schema.js';

/** What a reader outside the export module learns of one export file. */
export interface ExportFileListing {
  path: string;
  region: string;
  keyCount: number;
  createdAt: Date;
}

/**
 * Export files, oldest first (at most `limit`), for which `listed(path)` is false: a module that keeps
 * its own list of files (the statistics) writes that condition over its own table, and only the
 * export module reads `export_files`.
 */
export async function exportFilesNotListed(
  db: Database,
  listed: (path: typeof exportFiles.path) => SQL,
  limit: number,
): Promise<ExportFileListing[]> {
  return db
    .select({
      path: exportFiles.path,
      region: exportFiles.region,
      keyCount: exportFiles.keyCount,
      createdAt: exportFiles.createdAt,
    })
    .from(exportFiles)
    .where(not(listed(exportFiles.path)))
    .orderBy(asc(exportFiles.createdAt))
    .limit(limit);
}
