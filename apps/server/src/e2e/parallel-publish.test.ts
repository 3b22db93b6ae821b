import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishRequest } from '@bluezone/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportService } from '../export/export.service.js';
import { exportedTimes } from '../testing/export-fixtures.js';
import { HMAC_KEY, pastKeys, publish, publishRequest } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

const PUBLISHES = 200;
const HOUR = 3_600_000;

forEachDatabase((database) => {
  let t: TestApp;
  /** On PostgreSQL a second server process on the same database; on PGlite the same app. */
  let other: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-parallel-'));
    const env = {
      BLUEZONE_DATA_DIR: dataDir,
      BLUEZONE_VERIFY_RATE_LIMIT: '10000',
      BLUEZONE_DAILY_ISSUE_QUOTA: '100000',
      BLUEZONE_EXPORT_PADDING_MIN: '10',
      BLUEZONE_EXPORT_MAX_KEYS_PER_FILE: '1000',
      BLUEZONE_LOG_LEVEL: 'warn',
    };
    const location = await database.location();
    t = await createTestApp(env, location);
    other = database.kind === 'postgres' ? await createTestApp(env, location) : t;
  });
  afterAll(async () => {
    if (other !== t) await other.app.close();
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('concurrency', () => {
    it(`${PUBLISHES} parallel publishes on two servers, then two export workers: every accepted key exported once`, async () => {
      const authority = await t.provision('VN');
      const requests: PublishRequest[] = [];
      for (let i = 0; i < PUBLISHES; i++)
        requests.push(await publishRequest(t, authority, 'confirmed', pastKeys(t, 14)));
      // Ten people publish keys someone else publishes at the same moment: stored once.
      for (let i = 0; i < 10; i++) {
        const again = requests[i] as PublishRequest;
        requests.push({
          ...(await publishRequest(t, authority, 'confirmed', again.temporaryExposureKeys)),
          hmacKey: HMAC_KEY.toString('base64'),
        });
      }
      const answers = await Promise.all(
        requests.map((request, i) => publish(i % 2 === 0 ? t : other, request)),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const inserted = answers.reduce((n, a) => n + Number(a.json.insertedExposures), 0);
      expect(inserted).toBe(PUBLISHES * 14);

      t.clock.advance(3 * HOUR);
      if (other !== t) other.clock.advance(3 * HOUR);
      const one = createExportService(t.app.core, t.app.blobStore, { owner: 'one' });
      const two = createExportService(other.app.core, other.app.blobStore, { owner: 'two' });
      const passes = await Promise.all([one.runPass(), two.runPass()]);
      expect(passes[0].keys + passes[1].keys).toBe(PUBLISHES * 14);

      const keys = requests.flatMap((r) => r.temporaryExposureKeys.map((k) => k.key));
      expect(await exportedTimes(t.app, 'VN', keys)).toEqual(keys.map(() => 1));
    }, 600_000);
  });
});
