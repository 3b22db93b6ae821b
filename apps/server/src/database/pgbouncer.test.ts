import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishRequest } from '@bluezone/api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportService } from '../export/export.service.js';
import { exportedTimes } from '../testing/export-fixtures.js';
import { type PgBouncer, startPgBouncer } from '../testing/pgbouncer.js';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.js';
import { pastKeys, publish, publishRequest } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// PgBouncer in transaction mode (Debian's pgbouncer) between the server and PostgreSQL: each
// transaction may run on another PostgreSQL session, so a statement prepared by name on one is
// unknown on the next. With BLUEZONE_DATABASE_POOLER=pgbouncer-transaction the server sends none
// (docs/operations.md, "Connection pooling"; ADR 0016).

const HOUR = 3_600_000;
const PUBLISHES = 60;

describe('behind PgBouncer in transaction mode', () => {
  let cluster: PostgresCluster;
  let bouncer: PgBouncer;
  let url: string;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase();
    // Server connections enough for an export pass (one transaction and three parallel readers) per app.
    bouncer = await startPgBouncer(cluster.adminUrl, 8);
  }, 120_000);
  afterAll(async () => {
    await bouncer?.stop();
    await cluster?.stop();
  });

  it('loses a statement prepared by name when the next transaction lands on another session', async () => {
    const client = new pg.Client({ connectionString: bouncer.through(url) });
    const holder = new pg.Client({ connectionString: bouncer.through(url) });
    await client.connect();
    await holder.connect();
    try {
      const probe = { name: 'bz_pooler_probe', text: 'SELECT 1 AS one' };
      expect((await client.query(probe)).rows).toEqual([{ one: 1 }]);
      // PgBouncer hands out the session used last: the holder's open transaction keeps it, so the
      // client's next statement runs on another session, where the name was never prepared.
      await holder.query('BEGIN');
      await holder.query('SELECT 1');
      await expect(client.query(probe)).rejects.toThrow(
        /prepared statement "bz_pooler_probe" does not exist/,
      );
      // The same statement, unnamed (what the setting makes the server send), works.
      expect((await client.query({ text: probe.text })).rows).toEqual([{ one: 1 }]);
      await holder.query('COMMIT');
    } finally {
      await client.end();
      await holder.end();
    }
  });

  it('runs issue → verify → certificate → publish → export → download on two servers, every key once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bz-pgbouncer-'));
    const env = {
      BLUEZONE_DATA_DIR: dataDir,
      BLUEZONE_DATABASE_POOLER: 'pgbouncer-transaction',
      BLUEZONE_VERIFY_RATE_LIMIT: '10000',
      BLUEZONE_DAILY_ISSUE_QUOTA: '100000',
      BLUEZONE_EXPORT_PADDING_MIN: '10',
      BLUEZONE_EXPORT_MAX_KEYS_PER_FILE: '200',
      BLUEZONE_LOG_LEVEL: 'warn',
    };
    const location = { kind: 'url', url: bouncer.through(url), pooler: 'pgbouncer-transaction' } as const;
    // Two server processes start at once on the empty database: it is migrated once, through PgBouncer.
    const [t, other] = (await Promise.all([createTestApp(env, location), createTestApp(env, location)])) as [
      TestApp,
      TestApp,
    ];
    try {
      const authority = await t.provision('VN');
      const requests: PublishRequest[] = [];
      for (let i = 0; i < PUBLISHES; i++)
        requests.push(await publishRequest(i % 2 === 0 ? t : other, authority, 'confirmed', pastKeys(t, 14)));
      // The same publishes again: answered from the stored keys (the statement that finds them).
      const answers = await Promise.all(
        [...requests, ...requests.slice(0, 10)].map((request, i) =>
          publish(i % 2 === 0 ? t : other, request),
        ),
      );
      expect(
        answers.map((a) => a.status),
        bouncer.log(),
      ).toEqual(answers.map(() => 200));
      expect(answers.reduce((n, a) => n + Number(a.json.insertedExposures), 0)).toBe(PUBLISHES * 14);

      t.clock.advance(3 * HOUR);
      other.clock.advance(3 * HOUR);
      const passes = await Promise.all([
        createExportService(t.app.core, t.app.blobStore, { owner: 'one' }).runPass(),
        createExportService(other.app.core, other.app.blobStore, { owner: 'two' }).runPass(),
      ]);
      expect(passes[0].keys + passes[1].keys).toBe(PUBLISHES * 14);
      const keys = requests.flatMap((r) => r.temporaryExposureKeys.map((k) => k.key));
      expect(await exportedTimes(t.app, 'VN', keys)).toEqual(keys.map(() => 1));
    } finally {
      await other.app.close();
      await t.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
