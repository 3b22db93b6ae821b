import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBatches, exposures } from '../database/schema.js';
import { ZIP_CACHE_CONTROL } from '../export/export-keys.js';
import { downloadExports, insertExposures } from '../testing/export-fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createCleanupService } from './cleanup.service.js';

const SECOND = 1000;
const at = (iso: string) => new Date(iso).getTime();
/** The rolling interval number of a time (10-minute intervals since the epoch). */
const interval = (iso: string) => at(iso) / 600_000;

forEachDatabase((database) => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-retention-'));
    t = await createTestApp({ BLUEZONE_DATA_DIR: dataDir }, await database.location());
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Moves the test clock forward to `iso`. */
  const setClock = (iso: string) => t.clock.advance(at(iso) - t.clock.now().getTime());

  describe('retention of published keys and export files', () => {
    it('deletes keys 14 days after they end, then the files, index lines and batches that held them', async () => {
      const cleanup = createCleanupService(t.app.core);
      const { healthAuthorityId } = await t.provision('RT');
      const stored = () => t.app.core.db.select().from(exposures).where(eq(exposures.region, 'RT'));
      const batches = () => t.app.core.db.select().from(exportBatches).where(eq(exportBatches.region, 'RT'));
      // Now 2026-03-10 08:00. Two keys of 03-08 (ended 03-09 00:00), one of 03-09 (ended 03-10 00:00).
      await insertExposures(t.app, 'RT', healthAuthorityId, [
        {
          exportableAt: new Date(at('2026-03-10T07:30:00Z')),
          rollingStartIntervalNumber: interval('2026-03-08'),
        },
        {
          exportableAt: new Date(at('2026-03-10T07:30:00Z')),
          rollingStartIntervalNumber: interval('2026-03-08'),
        },
        {
          exportableAt: new Date(at('2026-03-10T07:40:00Z')),
          rollingStartIntervalNumber: interval('2026-03-09'),
        },
      ]);
      // Three passes: batches ending 08:00 (every retained key), 09:00 and 10:00.
      for (const hour of ['10', '11', '12']) {
        setClock(`2026-03-10T${hour}:00:00Z`);
        await t.app.runExportPass();
      }
      const { paths } = await downloadExports(t.app, 'RT');
      expect(paths).toHaveLength(3);
      expect((await downloadExports(t.app, 'RT')).files[0]?.keys.length).toBeGreaterThanOrEqual(1000);

      // Keys: kept until 14 days after their end, not a second less.
      setClock('2026-03-23T00:00:00Z');
      t.clock.advance(-SECOND);
      expect(await cleanup()).toMatchObject({ exposures: 0, exportBatches: 0, exportFiles: 0 });
      t.clock.advance(SECOND);
      expect(await cleanup()).toMatchObject({ exposures: 2, exportFiles: 0 });
      expect(await stored()).toHaveLength(1);
      setClock('2026-03-24T00:00:00Z');
      expect(await cleanup()).toMatchObject({ exposures: 1, exportFiles: 0 });
      expect(await stored()).toHaveLength(0);

      // Files: the batch ending 03-10 08:00 goes at 03-24 08:00, not before.
      setClock('2026-03-24T08:00:00Z');
      t.clock.advance(-SECOND);
      expect(await cleanup()).toMatchObject({ exportBatches: 0, exportFiles: 0 });
      expect((await downloadExports(t.app, 'RT')).paths).toEqual(paths);
      t.clock.advance(SECOND);
      expect(await cleanup()).toMatchObject({ exportBatches: 1, exportFiles: 1 });
      const after = await downloadExports(t.app, 'RT');
      expect(after.paths).toEqual(paths.slice(1));
      const gone = await t.app.server.inject({ method: 'GET', url: `/v1/exports/${paths[0]}` });
      expect(gone.statusCode).toBe(404);
      expect(await t.app.blobStore.list('RT/')).not.toContain(paths[0]);

      // Much later: every ended batch goes but the latest, which the worker plans the next one from.
      setClock('2026-03-25T00:00:00Z');
      expect(await cleanup()).toMatchObject({ exportBatches: 1, exportFiles: 1 });
      expect((await downloadExports(t.app, 'RT')).paths).toEqual(paths.slice(2));
      expect(await batches()).toHaveLength(1);
      expect(await cleanup()).toMatchObject({ exposures: 0, exportBatches: 0, exportFiles: 0 });
    });

    it('after a crash between deleting rows and deleting files, the next run unlists and deletes them', async () => {
      const cleanup = createCleanupService(t.app.core);
      // A zip whose batch row is gone (the crash), still listed in a stale index.
      const orphan = 'RT/1772000000-1772003600-00001.zip';
      await t.app.blobStore.put(orphan, new Uint8Array([1, 2, 3]), {
        contentType: 'application/zip',
        cacheControl: ZIP_CACHE_CONTROL,
      });
      const index = new TextEncoder().encode(
        `${orphan}\n${(await downloadExports(t.app, 'RT')).paths.join('\n')}`,
      );
      await t.app.blobStore.put('RT/index.txt', index, {
        contentType: 'text/plain',
        cacheControl: 'no-store',
      });
      // A zip of a recent window with no row yet (a worker writing it) is left alone.
      const recent = `RT/${at('2026-03-25T00:00:00Z') / 1000}-${at('2026-03-25T01:00:00Z') / 1000}-00001.zip`;
      await t.app.blobStore.put(recent, new Uint8Array([4]), {
        contentType: 'application/zip',
        cacheControl: ZIP_CACHE_CONTROL,
      });
      expect(await cleanup()).toMatchObject({ exportBatches: 0, exportFiles: 1 });
      const view = await downloadExports(t.app, 'RT');
      expect(view.paths).not.toContain(orphan);
      expect(await t.app.blobStore.list('RT/')).toEqual(expect.arrayContaining([recent, ...view.paths]));
      expect(await t.app.blobStore.list('RT/')).not.toContain(orphan);
    });
  });
});
