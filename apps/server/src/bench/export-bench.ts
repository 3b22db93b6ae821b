import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { openCore } from '../app/open-core.js';
import { createFilesystemBlobStore } from '../blobstore/filesystem-blob-store.js';
import { loadConfig } from '../config/load-config.js';
import { createExportService } from '../export/export.service.js';
import { createLogger } from '../http/logger.js';
import { seedExposures } from './export-seed.js';

export interface ExportBenchResult {
  /** Keys and revised keys exported (without padding). */
  keys: number;
  files: number;
  /** Bytes of the zips written. */
  bytes: number;
  seconds: number;
  keysPerSecond: number;
  /** Time to insert the exposures (not part of the measure). */
  seedSeconds: number;
}

/**
 * Inserts `count` exposures into a fresh database (not timed), then times one export pass: planning,
 * reading the batch's keys from PostgreSQL, sorting, padding, encoding, signing, zipping, writing the
 * files to a filesystem blob store, completing the batch and rewriting the index.
 */
export async function runExportBench(
  databaseUrl: string,
  secret: string,
  count: number,
  progress: (line: string) => void,
): Promise<ExportBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bluezone-bench-export-'));
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    BLUEZONE_SECRET: secret,
    BLUEZONE_DATA_DIR: dataDir,
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const core = await openCore(config, { logger: createLogger('info', sink) });
  try {
    const { healthAuthorityId } = await initHealthAuthority(core, 'VN');
    const seedStart = performance.now();
    await seedExposures(databaseUrl, 'VN', healthAuthorityId, count, core.clock.now(), (n) =>
      progress(`seeded ${n.toLocaleString('en')} / ${count.toLocaleString('en')} exposures`),
    );
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const root = join(dataDir, 'exports');
    const exporter = createExportService(core, createFilesystemBlobStore(root));
    progress('export pass…');
    const start = performance.now();
    const pass = await exporter.runPass();
    const seconds = (performance.now() - start) / 1000;
    const zips = readdirSync(join(root, 'VN')).filter((f) => f.endsWith('.zip'));
    const bytes = zips.reduce((n, f) => n + statSync(join(root, 'VN', f)).size, 0);
    return {
      keys: pass.keys,
      files: pass.files,
      bytes,
      seconds,
      keysPerSecond: pass.keys / seconds,
      seedSeconds,
    };
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
