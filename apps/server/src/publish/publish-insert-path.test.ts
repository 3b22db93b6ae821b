import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExposureRepository, type NewExposures } from '../repositories/exposure.repository.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { pastKeys, publish, publishRequest, storedExposures } from './publish-test-kit.js';

// The publish fast path inserts a publish's keys in one statement (shared with concurrent publishes)
// unless one of them is stored already; then the stored keys send it through the revision plan.

let t: TestApp;

forEachDatabase((database) => {
  beforeAll(async () => {
    t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' }, await database.location());
  });
  afterAll(() => t.app.close());

  describe('insert unless stored', () => {
    it('a stored key of another report type found by the insert refuses the whole publish, new keys included', async () => {
      const authority = await t.provision();
      const keys = pastKeys(t, 5);
      const first = await publish(t, await publishRequest(t, authority, 'likely', keys.slice(0, 1)));
      expect(first.json.insertedExposures).toBe(1);
      const answer = await publish(t, await publishRequest(t, authority, 'confirmed', keys));
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe('missing_revision_token');
      expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(1);
      // With the token, the stored key is revised and the four new ones inserted.
      const revised = await publish(
        t,
        await publishRequest(t, authority, 'confirmed', keys, {
          revisionToken: first.json.revisionToken as string,
        }),
      );
      expect(revised.json).toMatchObject({ insertedExposures: 5, warnings: [] });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows).toHaveLength(5);
      expect(rows.filter((r) => r.revisedReportType === 'CONFIRMED_TEST')).toHaveLength(1);
    });

    it('stored keys of the same report type are left alone and the new ones inserted, counted exactly', async () => {
      const authority = await t.provision();
      const keys = pastKeys(t, 6);
      await publish(t, await publishRequest(t, authority, 'confirmed', keys.slice(0, 2)));
      const answer = await publish(t, await publishRequest(t, authority, 'confirmed', keys));
      expect(answer.json).toMatchObject({ insertedExposures: 4, warnings: [] });
      expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(6);
      // The new token covers all six: revoking them is refused only because they are confirmed.
      const revoke = await publish(
        t,
        await publishRequest(t, authority, 'negative', keys, {
          revisionToken: answer.json.revisionToken as string,
        }),
      );
      expect(revoke.json.code).toBe('invalid_revision_transition');
    });

    it('answers each publish of one statement on its own: inserted, or stored keys and nothing inserted', async () => {
      const authority = await t.provision();
      const repository = createExposureRepository(t.app.core.db);
      const publishOf = (keys: Uint8Array[]): NewExposures => ({
        region: 'VN',
        healthAuthorityId: authority.healthAuthorityId,
        reportType: 'CONFIRMED_TEST',
        traveler: false,
        createdAt: t.clock.now(),
        keys: keys.map((exposureKey, i) => ({
          exposureKey,
          rollingStartIntervalNumber: 2_800_000 + 144 * i,
          rollingPeriod: 144,
          transmissionRisk: i % 9,
          daysSinceOnsetOfSymptoms: i === 0 ? null : i - 3,
          exportableAt: t.clock.now(),
        })),
      });
      const keys = Array.from({ length: 7 }, () => new Uint8Array(randomBytes(16)));
      const [stored] = await repository.insertUnlessStored([publishOf([keys[0] as Uint8Array])]);
      expect(stored).toEqual({ inserted: 1, stored: [] });
      const outcomes = await repository.insertUnlessStored([
        publishOf(keys.slice(1, 3)),
        publishOf([keys[3] as Uint8Array, keys[0] as Uint8Array, keys[4] as Uint8Array]),
        publishOf(keys.slice(5, 7)),
      ]);
      expect(outcomes.map((o) => o.inserted)).toEqual([2, 0, 2]);
      expect(outcomes[1]?.stored).toEqual([
        { exposureKey: keys[0], reportType: 'CONFIRMED_TEST', revisedReportType: null, revisedAt: null },
      ]);
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows.map((r) => Buffer.from(r.exposureKey).toString('hex')).sort()).toEqual(
        [0, 1, 2, 5, 6].map((i) => Buffer.from(keys[i] as Uint8Array).toString('hex')).sort(),
      );
      const row = rows.find((r) => Buffer.from(r.exposureKey).equals(keys[2] as Uint8Array));
      expect(row).toMatchObject({
        rollingStartIntervalNumber: 2_800_144,
        transmissionRisk: 1,
        daysSinceOnsetOfSymptoms: -2,
      });
      // Concurrent statements with the same key: stored once, counted once.
      const again = new Uint8Array(randomBytes(16));
      const racing = await Promise.all(
        Array.from({ length: 8 }, () => repository.insertUnlessStored([publishOf([again])])),
      );
      expect(racing.reduce((n, [o]) => n + (o?.inserted ?? 0), 0)).toBe(1);
    });
  });
});
