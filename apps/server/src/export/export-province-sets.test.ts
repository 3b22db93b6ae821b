import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportType } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredAreas } from '../areas/area-codes.js';
import type { BlobStore } from '../blobstore/blob-store.js';
import { exportBatches } from '../database/schema.js';
import { downloadExports, insertExposures, keyCounts } from '../testing/export-fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createExportService } from './export.service.js';

// Province export sets (docs/decisions/0012): every province gets a signed set and an index from the
// first pass, a key reaches exactly the sets its provinces name plus the national one, and a pass
// killed midway and run again lists each file of each set once.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROVINCES = configuredAreas().provinces.map((p) => p.code);

forEachDatabase((database) => {
  let t: TestApp;
  let dataDir: string;
  let healthAuthorityId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-export-sets-'));
    t = await createTestApp(
      { BLUEZONE_DATA_DIR: dataDir, BLUEZONE_EXPORT_PADDING_MIN: '20', BLUEZONE_EXPORT_PADDING_JITTER: '5' },
      await database.location(),
    );
    ({ healthAuthorityId } = await t.provision('VN'));
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Which sets (national and provinces) hold each key, by key hex. */
  async function setsOf(keys: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(keys.map((k) => [k, []]));
    for (const set of ['VN', ...PROVINCES]) {
      const view = await downloadExports(t.app, set, 'VN');
      for (const file of view.files) {
        expect(file.header.region).toBe(set);
        expect(file.signatures.map((s) => [s.keyId, s.valid])).toEqual([['VN', true]]);
      }
      // Original keys only: a revision exported later is its key's second appearance.
      const counts = keyCounts(view.files.map((f) => ({ ...f, revisedKeys: [] })));
      for (const key of keys) {
        const n = counts.get(key) ?? 0;
        expect(n).toBeLessThanOrEqual(1);
        if (n === 1) found.get(key)?.push(set);
      }
    }
    for (const list of found.values()) list.sort();
    return found;
  }

  describe('province export sets', () => {
    it('give every province an index from the first pass, and route each key to its provinces and VN', async () => {
      const now = t.clock.now().getTime();
      const [both, home, national, revised] = await insertExposures(t.app, 'VN', healthAuthorityId, [
        { exportableAt: new Date(now - 30 * 60_000), provinces: ['VN-20', 'VN-HN'] },
        { exportableAt: new Date(now - 20 * 60_000), provinces: ['VN-SG'] },
        { exportableAt: new Date(now - 10 * 60_000) },
        {
          exportableAt: new Date(now - 40 * 60_000),
          reportType: 'RECURSIVE',
          provinces: ['VN-20'],
          revised: { reportType: 'CONFIRMED_TEST', exportableAt: new Date(now + 30 * 60_000) },
        },
      ]);
      const worker = createExportService(t.app.core, t.app.blobStore);
      t.clock.advance(DAY); // the next day's 08:00: yesterday's daily province window has settled
      const first = await worker.runPass();
      expect(first.keys).toBeGreaterThanOrEqual(4);
      for (const province of PROVINCES) {
        const index = await t.app.server.inject({ method: 'GET', url: `/v1/exports/${province}/index.txt` });
        expect(index.statusCode, province).toBe(200);
        expect(index.body.trim().split('\n')).toHaveLength(1);
        // keys.json, the risk configuration and notices stay at VN.
        const keys = await t.app.server.inject({ method: 'GET', url: `/v1/exports/${province}/keys.json` });
        expect(keys.statusCode).toBe(404);
      }
      const sets = await setsOf([both, home, national, revised] as string[]);
      expect(sets.get(both as string)).toEqual(['VN', 'VN-20', 'VN-HN']);
      expect(sets.get(home as string)).toEqual(['VN', 'VN-SG']);
      expect(sets.get(national as string)).toEqual(['VN']);
      expect(sets.get(revised as string)).toEqual(['VN', 'VN-20']);
      const thaiBinh = await downloadExports(t.app, 'VN-20', 'VN');
      const revisions = thaiBinh.files
        .flatMap((f) => f.revisedKeys)
        .filter((k) => Buffer.from(k.keyData).toString('hex') === revised);
      expect(revisions.map((k) => k.reportType)).toEqual([ReportType.CONFIRMED_TEST]);
      for (const file of thaiBinh.files)
        expect(file.keys.length + file.revisedKeys.length).toBeGreaterThanOrEqual(20);
    });

    it('a pass killed midway in a province set and run again lists each file once, with the same bytes', async () => {
      const now = t.clock.now().getTime();
      const keys = await insertExposures(
        t.app,
        'VN',
        healthAuthorityId,
        Array.from({ length: 6 }, (_, i) => ({
          exportableAt: new Date(now + i * 5 * HOUR + 1000),
          provinces: ['VN-20'],
        })),
      );
      const store = t.app.blobStore;
      t.clock.advance(2 * DAY); // two more daily windows for every province
      let lastWritten: Uint8Array | undefined;
      let crashedPath: string | undefined;
      const crashing: BlobStore = {
        ...store,
        async put(path, body, options) {
          await store.put(path, body, options);
          if (crashedPath === undefined && path.startsWith('VN-20/') && path.endsWith('.zip')) {
            crashedPath = path;
            lastWritten = body;
            throw new Error('killed after writing a file');
          }
        },
      };
      await expect(createExportService(t.app.core, crashing, { owner: 'dies' }).runPass()).rejects.toThrow(
        /killed/,
      );
      const survivor = createExportService(t.app.core, store, { owner: 'survivor' });
      await survivor.runPass();
      const during = await downloadExports(t.app, 'VN-20', 'VN');
      expect(during.paths).not.toContain(crashedPath);
      expect(during.paths).toHaveLength(1); // stops at the hole

      t.clock.advance(t.config.exportLease + 1000);
      await survivor.runPass();
      const after = await downloadExports(t.app, 'VN-20', 'VN');
      expect(after.paths.slice(0, 1)).toEqual(during.paths);
      expect(after.paths).toContain(crashedPath);
      expect(after.paths).toHaveLength(3);
      expect(new Set(after.paths).size).toBe(after.paths.length);
      const rewritten = await store.get(crashedPath ?? '');
      expect(rewritten && Buffer.compare(rewritten.body, lastWritten ?? new Uint8Array())).toBe(0);
      const counts = keyCounts(after.files);
      for (const key of keys) expect(counts.get(key)).toBe(1);
      const rows = await t.app.core.db.select().from(exportBatches);
      expect(rows.every((b) => b.status === 'complete')).toBe(true);
      for (const province of PROVINCES)
        expect(
          rows.filter((b) => b.region === province),
          province,
        ).toHaveLength(3);
    });
  });
});
