import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config/load-config.js';
import { openDatabase } from '../database/open-database.js';
import { exportBatches } from '../database/schema.js';
import { createLogger } from '../http/logger.js';
import { eventually } from '../testing/eventually.js';
import { insertExposures } from '../testing/export-fixtures.js';
import { pastKeys, publishRequest } from '../testing/publish-test-kit.js';
import { createTestApp } from '../testing/test-app.js';
import { startServer } from './create-app.js';

const SECRET = new Uint8Array(32).fill(7);
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bz-shutdown-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
  it('close() stops accepting but lets a publish in flight finish before the database closes', async () => {
    const t = await createTestApp();
    // Shutdown begins while the publish is inside the server: its pre-handler starts close() and
    // waits until the server has stopped listening before the handler writes to the database.
    let closing: Promise<void> | undefined;
    t.app.server.addHook('preHandler', async (request) => {
      if (request.url !== '/v1/publish' || closing) return;
      closing = t.app.close();
      await eventually('the server to stop listening', () => !t.app.server.server.listening);
    });
    const authority = await t.provision('SD');
    const body = JSON.stringify(await publishRequest(t, authority, 'confirmed', pastKeys(t, 10)));
    const address = await t.app.server.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/v1/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(closing).toBeDefined();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { insertedExposures: number }).insertedExposures).toBe(10);
    // The keep-alive connection is closed after the answer, so close() does not wait out its timeout
    // (Fastify's 72 s, longer than this test may take).
    expect(response.headers.get('connection')).toBe('close');
    await closing;
    expect(t.app.core.metrics.httpInFlight.get()).toBe(0);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });

  it('SIGTERM path: the export pass stops after its batch, no lease is left, the database is closed', async () => {
    const clock = new ManualClock();
    const env = { BLUEZONE_DATA_DIR: dataDir, BLUEZONE_PORT: '0', BLUEZONE_LOG_LEVEL: 'silent' };
    // A region with keys to export, in a PGlite directory the server then opens.
    const t = await createTestApp(env, { kind: 'directory', dataDir });
    const { healthAuthorityId } = await t.provision('SX');
    const now = clock.now().getTime();
    await insertExposures(
      t.app,
      'SX',
      healthAuthorityId,
      Array.from({ length: 30 }, (_, i) => ({
        exportableAt: new Date(now - 20 * 86_400_000 + i * 3_600_000),
      })),
    );
    await t.app.close();

    clock.advance(3 * 3_600_000);
    const { app, address } = await startServer(loadConfig(env), {
      clock,
      secret: SECRET,
      logger: createLogger('silent'),
    });
    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    await app.close(); // the export job started a pass at start: it is told to stop
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();

    const database = await openDatabase({ kind: 'directory', dataDir });
    try {
      const batches = await database.db.select().from(exportBatches);
      expect(batches.length).toBeGreaterThan(0);
      expect(batches.filter((b) => b.status === 'pending' || b.leaseOwner !== null)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
