import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadExports, insertExposures, keyCounts } from '../testing/export-fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createExportService } from './export.service.js';
import { rotateExportSigningKey } from './export-signers.js';

const HOUR = 3_600_000;
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bz-export-rot-'));
  t = await createTestApp({
    BLUEZONE_DATA_DIR: dataDir,
    BLUEZONE_EXPORT_SIGNING_KEYS: 'RO/v1',
    BLUEZONE_EXPORT_PADDING_MIN: '20',
    BLUEZONE_EXPORT_PADDING_JITTER: '5',
    BLUEZONE_EXPORT_MAX_KEYS_PER_FILE: '50',
  });
});
afterAll(async () => {
  await t.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('export signing and file size', () => {
  it('signs with the old and the new key while a rotation reaches phones', async () => {
    const { healthAuthorityId } = await t.provision('RO');
    await insertExposures(t.app, 'RO', healthAuthorityId, [{ exportableAt: t.clock.now() }]);
    await createExportService(t.app.core, t.app.blobStore).runPass(); // creates the v1 key
    const next = await rotateExportSigningKey(
      t.app.core.db,
      t.app.core.keys,
      healthAuthorityId,
      'RO',
      t.clock.now(),
    );
    expect(next.keyVersion).toBe('v2');
    t.clock.advance(3 * HOUR);
    await createExportService(t.app.core, t.app.blobStore).runPass();
    const { publicKeys, files } = await downloadExports(t.app, 'RO');
    expect(publicKeys.map((k) => k.keyVersion)).toEqual(['v2', 'v1']);
    const last = files.at(-1);
    expect(last?.signatureInfos.map((s) => s.verificationKeyVersion).sort()).toEqual(['v1', 'v2']);
    expect(last?.signatures.map((s) => s.valid)).toEqual([true, true]);
  });

  it('splits a batch over several files of at most the configured number of keys', async () => {
    const { healthAuthorityId } = await t.provision('SP');
    const exportableAt = new Date(t.clock.now().getTime() - 10 * 60_000);
    const keys = await insertExposures(
      t.app,
      'SP',
      healthAuthorityId,
      Array.from({ length: 115 }, () => ({ exportableAt })),
    );
    t.clock.advance(2 * HOUR);
    await createExportService(t.app.core, t.app.blobStore).runPass();
    const { paths, files } = await downloadExports(t.app, 'SP');
    expect(paths.filter((p) => p.endsWith('-00002.zip'))).toHaveLength(1);
    const split = files.slice(-3);
    expect(split.map((f) => f.path.slice(-9))).toEqual(['00001.zip', '00002.zip', '00003.zip']);
    expect(split.map((f) => f.keys.length).slice(0, 2)).toEqual([50, 50]);
    expect(split[2]?.keys.length).toBeGreaterThanOrEqual(20);
    expect(split[2]?.keys.length).toBeLessThanOrEqual(25);
    const counts = keyCounts(files);
    for (const key of keys) expect(counts.get(key)).toBe(1);
    const hex = (f: (typeof files)[number]) => f.keys.map((k) => Buffer.from(k.keyData).toString('hex'));
    // Sorted across the batch: every key of file 1 sorts before every key of file 2.
    const [first = [], second = []] = split.map(hex);
    expect(first.every((a) => second.every((b) => a < b))).toBe(true);
  });
});
