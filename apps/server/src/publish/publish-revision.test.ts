import type { PublishTemporaryExposureKey } from '@bluezone/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Authority,
  pastKeys,
  publish,
  publishRequest,
  storedExposures,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

let t: TestApp;

/** Publishes `keys` as likely and returns the authority and the revision token. */
async function likely(keys: PublishTemporaryExposureKey[]): Promise<{ authority: Authority; token: string }> {
  const authority = await t.provision();
  const answer = await publish(t, await publishRequest(t, authority, 'likely', keys));
  expect(answer.json.insertedExposures).toBe(keys.length);
  return { authority, token: answer.json.revisionToken as string };
}

forEachDatabase((database) => {
  beforeAll(async () => {
    t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' }, await database.location());
  });
  afterAll(() => t.app.close());

  describe('revision tokens', () => {
    it('revise likely keys to confirmed, writing the revised_* columns, once', async () => {
      const keys = pastKeys(t, 4);
      const { authority, token } = await likely(keys.slice(0, 3));
      t.clock.advance(2 * 3_600_000);
      // The phone may add a key it did not publish before: that one is simply inserted.
      const request = await publishRequest(t, authority, 'confirmed', keys, { revisionToken: token });
      const answer = await publish(t, request);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ insertedExposures: 4, warnings: [] });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      const revised = rows.filter((r) => r.revisedAt);
      expect(revised).toHaveLength(3);
      for (const row of revised) {
        expect(row).toMatchObject({
          reportType: 'CONFIRMED_CLINICAL_DIAGNOSIS',
          revisedReportType: 'CONFIRMED_TEST',
        });
        expect(row.revisedAt?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
        expect(row.revisedExportableAt?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
        expect(row.revisedDaysSinceOnsetOfSymptoms).toBe(row.daysSinceOnsetOfSymptoms);
      }
      expect(rows.find((r) => !r.revisedAt)?.reportType).toBe('CONFIRMED_TEST');
      // Publishing the confirmed keys again changes nothing; revoking them now is refused.
      const again = await publish(
        t,
        await publishRequest(t, authority, 'confirmed', keys, { revisionToken: token }),
      );
      expect(again.json.insertedExposures).toBe(0);
      const revoke = await publish(
        t,
        await publishRequest(t, authority, 'negative', keys, {
          revisionToken: answer.json.revisionToken as string,
        }),
      );
      expect(revoke.json.code).toBe('key_already_revised');
    });

    it('revise recursive keys (an F1) to confirmed when the close contact tests positive', async () => {
      const keys = pastKeys(t, 5);
      const authority = await t.provision();
      // As an F1, the phone published the days from its exposure on.
      const f1 = await publish(t, await publishRequest(t, authority, 'recursive', keys.slice(2)));
      expect(f1.json.insertedExposures).toBe(3);
      t.clock.advance(3_600_000);
      const withoutToken = await publish(t, await publishRequest(t, authority, 'confirmed', keys));
      expect(withoutToken.json.code).toBe('missing_revision_token');
      const f0 = await publish(
        t,
        await publishRequest(t, authority, 'confirmed', keys, {
          revisionToken: f1.json.revisionToken as string,
        }),
      );
      expect(f0.status).toBe(200);
      expect(f0.json.insertedExposures).toBe(5);
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows.map((r) => [r.reportType, r.revisedReportType ?? null]).sort()).toEqual([
        ['CONFIRMED_TEST', null],
        ['CONFIRMED_TEST', null],
        ['RECURSIVE', 'CONFIRMED_TEST'],
        ['RECURSIVE', 'CONFIRMED_TEST'],
        ['RECURSIVE', 'CONFIRMED_TEST'],
      ]);
    });

    it('revoke likely keys with a negative result', async () => {
      const keys = pastKeys(t, 3);
      const { authority, token } = await likely(keys);
      const answer = await publish(
        t,
        await publishRequest(t, authority, 'negative', keys, { revisionToken: token }),
      );
      expect(answer.json).toMatchObject({ insertedExposures: 3 });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows.map((r) => r.revisedReportType)).toEqual(['REVOKED', 'REVOKED', 'REVOKED']);
    });

    it('refuse changes without a token, with a foreign or broken token, and other transitions', async () => {
      const keys = pastKeys(t, 3);
      const { authority, token } = await likely(keys);
      const other = await likely(pastKeys(t, 2));
      const tries: [string, 'confirmed' | 'negative', string | undefined][] = [
        ['missing_revision_token', 'confirmed', undefined],
        ['invalid_revision_token', 'confirmed', other.token],
        ['invalid_revision_token', 'confirmed', 'AAAA'],
        ['invalid_revision_token', 'confirmed', `${token.slice(0, -4)}AAAA`],
        ['invalid_report_type', 'negative', undefined],
      ];
      for (const [code, testType, revisionToken] of tries) {
        const request = await publishRequest(
          t,
          authority,
          testType,
          keys,
          revisionToken ? { revisionToken } : {},
        );
        const answer = await publish(t, request);
        expect(answer.status).toBe(400);
        expect(answer.json.code).toBe(code);
      }
      // A key published as confirmed cannot be revoked; nor can a key never published.
      const confirmed = pastKeys(t, 2);
      const first = await publish(t, await publishRequest(t, authority, 'confirmed', confirmed));
      const revoke = await publish(
        t,
        await publishRequest(t, authority, 'negative', confirmed, {
          revisionToken: first.json.revisionToken as string,
        }),
      );
      expect(revoke.json.code).toBe('invalid_revision_transition');
      const unknown = await publish(
        t,
        await publishRequest(t, authority, 'negative', pastKeys(t, 1), { revisionToken: token }),
      );
      expect(unknown.json).toMatchObject({ code: 'partial_failure', insertedExposures: 0 });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows.filter((r) => r.revisedAt)).toHaveLength(0);
      expect(rows).toHaveLength(5);
    });
  });
});
