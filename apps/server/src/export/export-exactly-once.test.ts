import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../blobstore/blob-store.js';
import { exportBatches } from '../database/schema.js';
import { downloadExports, insertExposures, keyCounts } from '../testing/export-fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createExportService } from './export.service.js';

const HOUR = 3_600_000;

forEachDatabase((database) => {
  let t: TestApp;
  /** On PostgreSQL a second server process on the same database (its own pool); on PGlite the same app. */
  let other: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-export-once-'));
    const env = { BLUEZONE_DATA_DIR: dataDir, BLUEZONE_EXPORT_PADDING_MIN: '50' };
    const location = await database.location();
    t = await createTestApp(env, location);
    other = database.kind === 'postgres' ? await createTestApp(env, location) : t;
  });
  afterAll(async () => {
    if (other !== t) await other.app.close();
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Keys spread over the next `hours` hours, a few per hour. */
  async function seed(region: string, hours: number): Promise<string[]> {
    const { healthAuthorityId } = await t.provision(region);
    const now = t.clock.now().getTime();
    const fixtures = Array.from({ length: hours * 3 }, (_, i) => ({
      exportableAt: new Date(now + Math.floor(i / 3) * HOUR + (i % 3) * 600_000 + 1000),
    }));
    return insertExposures(t.app, region, healthAuthorityId, fixtures);
  }

  describe('exactly once', () => {
    it('two workers at once on one database: every batch written once, every key exported once', async () => {
      const keys = [...(await seed('WA', 6)), ...(await seed('WB', 6))];
      t.clock.advance(8 * HOUR);
      if (other !== t) other.clock.advance(t.clock.now().getTime() - other.clock.now().getTime());
      const one = createExportService(t.app.core, t.app.blobStore, { owner: 'one' });
      const two = createExportService(other.app.core, other.app.blobStore, { owner: 'two' });
      const results = await Promise.all([one.runPass(), two.runPass(), one.runPass()]);
      expect(results.reduce((n, r) => n + r.keys, 0)).toBe(keys.length);
      const rows = await t.app.core.db.select().from(exportBatches);
      expect(rows.every((b) => b.status === 'complete')).toBe(true);
      for (const region of ['WA', 'WB']) {
        const { paths, files } = await downloadExports(t.app, region);
        expect(new Set(paths).size).toBe(paths.length);
        expect(paths.length).toBe(rows.filter((b) => b.region === region).length);
        expect(files.every((f) => f.signatures.every((s) => s.valid))).toBe(true);
      }
      const all = keyCounts([
        ...(await downloadExports(t.app, 'WA')).files,
        ...(await downloadExports(t.app, 'WB')).files,
      ]);
      for (const key of keys) expect(all.get(key)).toBe(1);
    });

    it('a worker that dies after writing files: nothing partial is listed, a retry completes the batch', async () => {
      const keys = await seed('CR', 4);
      const store = t.app.blobStore;
      await createExportService(t.app.core, store).runPass(); // the region's first batch: all before now
      t.clock.advance(6 * HOUR); // then one batch per hour
      let zips = 0;
      let lastWritten: Uint8Array | undefined;
      const crashing: BlobStore = {
        ...store,
        async put(path, body, options) {
          await store.put(path, body, options);
          if (path.startsWith('CR/') && path.endsWith('.zip') && ++zips === 3) {
            lastWritten = body;
            throw new Error('killed after writing a file');
          }
        },
      };
      await expect(createExportService(t.app.core, crashing, { owner: 'dies' }).runPass()).rejects.toThrow(
        /killed/,
      );

      // Another process before the lease runs out: writes later batches, but lists nothing past the hole.
      const survivor = createExportService(t.app.core, store, { owner: 'survivor' });
      await survivor.runPass();
      const during = await downloadExports(t.app, 'CR');
      const crashedPath = (await store.list('CR/')).filter((p) => p.endsWith('.zip')).sort()[3];
      expect(during.paths).not.toContain(crashedPath);
      expect(during.paths.length).toBe(3);

      t.clock.advance(t.config.exportLease + 1000);
      await survivor.runPass();
      const after = await downloadExports(t.app, 'CR');
      expect(after.paths.slice(0, 3)).toEqual(during.paths);
      expect(after.paths).toContain(crashedPath);
      // Written again with the same padding and (deterministic) signatures: the very same bytes.
      const rewritten = await store.get(crashedPath ?? '');
      expect(rewritten && Buffer.compare(rewritten.body, lastWritten ?? new Uint8Array())).toBe(0);
      const counts = keyCounts(after.files);
      for (const key of keys) expect(counts.get(key)).toBe(1);
      expect(new Set(after.paths).size).toBe(after.paths.length);
    });
  });
});
