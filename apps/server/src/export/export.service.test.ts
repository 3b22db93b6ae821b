import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBytes, ReportType } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadExports, insertExposures, keyCounts } from '../testing/export-fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createExportService } from './export.service.js';

const HOUR = 3_600_000;
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bz-export-'));
  t = await createTestApp({ BLUEZONE_DATA_DIR: dataDir });
});
afterAll(async () => {
  await t.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('export worker', () => {
  it('exports settled keys padded, sorted and signed, holds embargoed ones back, lists files oldest first', async () => {
    const { healthAuthorityId } = await t.provision('VN');
    const now = t.clock.now().getTime(); // 08:00
    const settled = await insertExposures(t.app, 'VN', healthAuthorityId, [
      ...Array.from({ length: 5 }, () => ({ exportableAt: new Date(now - 30 * 60_000) })),
      { exportableAt: new Date(now - 20 * 60_000), reportType: 'RECURSIVE' },
    ]);
    const embargoed = await insertExposures(t.app, 'VN', healthAuthorityId, [
      { exportableAt: new Date(now + 90 * 60_000) },
      { exportableAt: new Date(now + 100 * 60_000) },
    ]);
    const worker = createExportService(t.app.core, t.app.blobStore);

    t.clock.advance(2 * HOUR); // 10:00: windows up to 08:00 have settled
    const first = await worker.runPass();
    expect(first.keys).toBe(6);
    let view = await downloadExports(t.app, 'VN');
    expect(view.publicKeys).toHaveLength(1);
    expect(view.paths.at(-1)).toMatch(/^VN\/\d+-\d+-00001\.zip$/);
    const startOf = (p: string) => Number(p.split('/')[1]?.split('-')[0]);
    expect(view.paths.map(startOf)).toEqual([...view.paths.map(startOf)].sort((a, b) => a - b));
    for (const file of view.files) {
      expect(file.signatures).toEqual([{ keyId: 'VN', keyVersion: 'v1', valid: true }]);
      expect(file.keys.length).toBeGreaterThanOrEqual(1000);
      expect(file.keys.length).toBeLessThanOrEqual(1106);
      expect(file.header).toMatchObject({ region: 'VN', batchNum: 1, batchSize: 1 });
      const sorted = [...file.keys].sort((a, b) => compareBytes(a.keyData, b.keyData));
      expect(file.keys.map((k) => k.keyData)).toEqual(sorted.map((k) => k.keyData));
    }
    let counts = keyCounts(view.files);
    for (const key of settled) expect(counts.get(key)).toBe(1);
    for (const key of embargoed) expect(counts.has(key)).toBe(false);
    const recursive = view.files
      .flatMap((f) => f.keys)
      .find((k) => Buffer.from(k.keyData).toString('hex') === settled[5]);
    expect(recursive?.reportType).toBe(ReportType.RECURSIVE);

    t.clock.advance(3 * HOUR); // 13:00: the embargo ended at 09:30 and 09:40
    await worker.runPass();
    const before = view.paths;
    view = await downloadExports(t.app, 'VN');
    expect(view.paths.slice(0, before.length)).toEqual(before);
    counts = keyCounts(view.files);
    for (const key of [...settled, ...embargoed]) expect(counts.get(key)).toBe(1);
    expect(await worker.runPass()).toMatchObject({ planned: 0, batches: 0 });
  });

  it('puts revisions into revised_keys of the batch in which they became exportable', async () => {
    const region = 'RV';
    const { healthAuthorityId } = await t.provision(region);
    const now = t.clock.now().getTime();
    const [key] = await insertExposures(t.app, region, healthAuthorityId, [
      {
        exportableAt: new Date(now - 30 * 60_000),
        reportType: 'CONFIRMED_CLINICAL_DIAGNOSIS',
        revised: { reportType: 'REVOKED', exportableAt: new Date(now + 30 * 60_000) },
      },
    ]);
    const worker = createExportService(t.app.core, t.app.blobStore);
    t.clock.advance(3 * HOUR);
    await worker.runPass();
    const { files } = await downloadExports(t.app, region);
    const hex = (k: { keyData: Uint8Array }) => Buffer.from(k.keyData).toString('hex');
    const original = files.flatMap((f) => f.keys).filter((k) => hex(k) === key);
    const revised = files.flatMap((f) => f.revisedKeys).filter((k) => hex(k) === key);
    expect(original.map((k) => k.reportType)).toEqual([ReportType.CONFIRMED_CLINICAL_DIAGNOSIS]);
    expect(revised.map((k) => k.reportType)).toEqual([ReportType.REVOKED]);
  });
});
