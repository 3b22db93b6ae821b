import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createExposureRepository,
  type NewExposures,
  PUBLISH_STATEMENTS,
} from '../exposures/exposure.repository.js';
import { pastKeys, publish, publishRequest, storedExposures } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

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
        provinces: ['VN-20'],
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
        provinces: ['VN-20'],
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

forEachDatabase((database) => {
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  it('looks stored keys up by the primary key even in a plan made while the table was empty', async () => {
    // A named statement keeps its generic plan; one made for an empty table must not scan the table.
    const plans = await t.app.core.db.transaction(async (tx) => {
      const text = async (query: string) =>
        ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, string>[] }).rows
          .map((row) => Object.values(row).join(' '))
          .join('\n');
      await tx.execute(sql.raw('SET LOCAL plan_cache_mode = force_generic_plan'));
      const explain = async (name: string, statementText: string, args: string) => {
        await tx.execute(sql.raw(`PREPARE ${name} AS ${statementText}`));
        const plan = await text(`EXPLAIN EXECUTE ${name}(${args})`);
        await tx.execute(sql.raw(`DEALLOCATE ${name}`));
        return plan;
      };
      const keys = `'{"\\\\x00112233445566778899aabbccddeeff"}'`;
      const one = (value: string) => `'{${value}}'`;
      return [
        await explain(
          'p_insert',
          PUBLISH_STATEMENTS.INSERT_UNLESS_STORED.text,
          [
            `'\\x00112233445566778899aabbccddeeff'`,
            one('1'),
            one('144'),
            one('0'),
            one('NULL'),
            one('1773100800'),
          ]
            .concat([one('1'), one('VN'), one('00000000-0000-0000-0000-000000000000'), one('CONFIRMED_TEST')])
            .concat([one('false'), one('1773100800'), one('VN-20')])
            .join(', '),
        ),
        await explain('p_find', PUBLISH_STATEMENTS.FIND_STORED.text, keys),
      ];
    });
    for (const plan of plans) {
      expect(plan).toMatch(/Index (Only )?Scan using exposures_pkey/);
      expect(plan).not.toMatch(/Seq Scan on exposures/);
    }
  });
});
