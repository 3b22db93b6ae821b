import { describe, expect, it } from 'vitest';
import { findPostgresBinaries } from '../testing/postgres-cluster.js';
import { runServerBench } from './server-bench.js';

// The benchmark itself, made small: it must keep running end to end (real PostgreSQL 15, both
// servers in child processes, autocannon, the export pass) and report what it measured.

describe('bluezone bench server', () => {
  it('publishes without errors, measures bare Node, exports every seeded key', async () => {
    findPostgresBinaries(); // a missing PostgreSQL 15 fails the test (as forEachDatabase does)
    const r = await runServerBench({ seconds: 3, connections: 4, exportKeys: 3000 });
    expect(r.publish.errors + r.publish.non2xx).toBe(0);
    expect(r.publish.requests).toBeGreaterThan(0);
    // Every answered request stored its 14 keys (the warm-up's too).
    expect(r.publish.storedKeys % 14).toBe(0);
    expect(r.publish.storedKeys).toBeGreaterThanOrEqual(14 * r.publish.requests);
    expect(r.bare.requestsPerSecond).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.publish.requestsPerSecond / r.bare.requestsPerSecond);
    // 3,000 keys and their 30 revisions (one in 100), in one national file; the seeded keys name no
    // province, so each of the 63 province sets writes one padded file (docs/export-files.md).
    expect(r.export).toMatchObject({ keys: 3030, files: 64, targetKeysPerSecond: 500_000 });
    expect(r.export.keysPerSecond).toBeGreaterThan(0);
  }, 600_000);
});
