import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../blobstore/memory-blob-store.js';
import { traceWarningPackages } from '../database/schema.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createTraceWarningRepository, hourOf } from './trace-warning.repository.js';
import {
  createTraceWarningExportService,
  traceWarningBlobPath,
  traceWarningFile,
  traceWarningIndexBlob,
} from './trace-warning-export.service.js';

// The hourly packages are written exactly once, however many workers run, and a package written again
// (a crash, a lost lease) has the same bytes: a listed, immutable file never changes.

const HOUR = 3_600_000;
let t: TestApp;
const store = createMemoryBlobStore();

beforeAll(async () => {
  t = await createTestApp({}, { kind: 'memory' }, { blobStore: store });
  await t.provision('VN');
}, 60_000);
afterAll(() => t.app.close());

describe('trace warning packages, exactly once', () => {
  it('two workers at once write every hour once; rewriting an hour gives the same bytes', async () => {
    const warnings = createTraceWarningRepository(t.app.core.db);
    const first = hourOf(t.clock.now());
    for (let h = 0; h < 5; h++)
      await warnings.insertVenueWarnings(
        [
          {
            locationIdHash: new Uint8Array(32).fill(h + 1),
            startIntervalNumber: (first + h) * 6 - 12,
            period: 6,
            transmissionRiskLevel: 5,
            provinces: ['VN-20'],
          },
        ],
        first + h,
      );
    t.clock.advance(6 * HOUR);
    const one = createTraceWarningExportService(t.app.core, store, { owner: 'one' });
    const two = createTraceWarningExportService(t.app.core, store, { owner: 'two' });
    const results = await Promise.all([one.runPass(), two.runPass(), one.runPass()]);
    const written = results.reduce((n, r) => n + r.packages, 0);
    const rows = await t.app.core.db.select().from(traceWarningPackages);
    expect(rows.every((r) => r.status === 'complete')).toBe(true);
    expect(written).toBe(rows.length);
    expect(results.reduce((n, r) => n + r.warnings, 0)).toBe(5);
    const index = new TextDecoder().decode((await store.get(traceWarningIndexBlob('VN')))?.body);
    const paths = index.split('\n');
    const national = rows.filter((r) => r.region === 'VN');
    expect(paths).toEqual(national.map((r) => traceWarningFile('VN', r.hour)).sort());
    // Every province set is planned from the first pass, each window once.
    expect(new Set(rows.map((r) => r.region)).size).toBe(64);
    expect(new Set(rows.map((r) => `${r.region}/${r.hour}`)).size).toBe(rows.length);
    expect(paths[0]).toBe(traceWarningFile('VN', first));

    // The worker of hour `first` died before completing: another writes it again, byte for byte.
    const path = traceWarningBlobPath(traceWarningFile('VN', first));
    const before = (await store.get(path))?.body;
    await t.app.core.db
      .update(traceWarningPackages)
      .set({ status: 'open' })
      .where(and(eq(traceWarningPackages.region, 'VN'), eq(traceWarningPackages.hour, first)));
    expect((await two.runPass()).packages).toBe(1);
    expect(Buffer.compare(Buffer.from((await store.get(path))?.body ?? []), Buffer.from(before ?? []))).toBe(
      0,
    );
  });
});
