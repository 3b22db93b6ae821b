import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createCleanupService } from './cleanup.service.js';

const HOUR = 3_600_000;

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('retention of codes and tokens', () => {
    it('deletes them 48 hours after they expire, not before', async () => {
      const cleanup = createCleanupService(t.app.core);
      const { adminKey, deviceKey } = await t.provision();
      const issued = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
        .json;
      const status = () => t.post('/api/checkcodestatus', adminKey, { uuid: issued.uuid });
      await t.post('/api/verify', deviceKey, { code: issued.code });
      // The long code expires after 24 h, the token after 24 h: both are kept 48 h more.
      t.clock.advance(24 * HOUR + 48 * HOUR - 1000);
      expect(await cleanup()).toMatchObject({ codes: 0, tokens: 0 });
      expect((await status()).json.claimed).toBe(true);
      t.clock.advance(2000);
      expect(await cleanup()).toMatchObject({ codes: 1, tokens: 1 });
      expect((await status()).json.errorCode).toBe('code_not_found');
    });
  });
});
