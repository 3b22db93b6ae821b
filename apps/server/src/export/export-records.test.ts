import { ECDSA_SHA256_OID, type ExportSigner, encodeExportBin } from '@bluezone/protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposures } from '../database/schema.js';
import { readExportRecords } from '../exposures/exposure-records.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { encodeRecordsExportBin } from './export-bin-records.js';
import { type ExportRandom, planExportFiles } from './export-file-plan.js';
import { toDiagnosisKey } from './export-keys.js';
import { batchRandom } from './export-random.js';
import { planRecordFiles } from './export-record-plan.js';
import { sortRecords } from './export-record-sort.js';

// The fast path (records read in slices, sorted, written straight into export.bin) against the
// straightforward one it replaced (a row object per key, planExportFiles, encodeExportBin): the
// same files, byte for byte, with the same padding.

const HOUR = 3_600_000;
const TYPES = [
  'CONFIRMED_TEST',
  'CONFIRMED_CLINICAL_DIAGNOSIS',
  'RECURSIVE',
  'SELF_REPORT',
  'UNKNOWN',
  'ODD',
];
const signer: ExportSigner = {
  signingKey: new Uint8Array(32).fill(3),
  signatureInfo: {
    verificationKeyId: 'EQ',
    verificationKeyVersion: 'v1',
    signatureAlgorithm: ECDSA_SHA256_OID,
  },
};
const header = { startTimestamp: 100, endTimestamp: 200, region: 'EQ', batchNum: 1, batchSize: 1 };

/** A deterministic stream of small integers. */
function numbers(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(async () => {
    await t.app.close();
  });

  describe('export records', () => {
    it('make the same export files as key objects, padded the same way', async () => {
      const { healthAuthorityId } = await t.provision('EQ');
      const now = t.clock.now().getTime();
      const pick = numbers(7);
      const rows = Array.from({ length: 700 }, (_, i) => {
        const at = new Date(now - (1 + pick(20)) * HOUR);
        const key = new Uint8Array(16).map(() => pick(256));
        if (i % 50 === 0) key.set([9, 9, 9, 9, 9]); // ties on the first five bytes
        const revised = i % 9 === 0;
        return {
          exposureKey: key,
          region: 'EQ',
          healthAuthorityId,
          rollingStartIntervalNumber: 2_958_336 - 144 * pick(14),
          rollingPeriod: i % 11 === 0 ? 1 + pick(144) : 144,
          transmissionRisk: i % 13 === 0 ? pick(9) : 0,
          reportType: TYPES[pick(TYPES.length)] as string,
          daysSinceOnsetOfSymptoms: i % 4 === 0 ? null : pick(29) - 14,
          createdAt: at,
          exportableAt: at,
          ...(revised
            ? {
                revisedReportType: i % 2 ? 'REVOKED' : 'CONFIRMED_TEST',
                revisedDaysSinceOnsetOfSymptoms: i % 3 ? null : pick(5),
                revisedTransmissionRisk: i % 5 ? null : pick(8),
                revisedAt: at,
                revisedExportableAt: new Date(at.getTime() + pick(3) * HOUR),
              }
            : {}),
        };
      });
      for (let i = 0; i < rows.length; i += 200)
        await t.app.core.db.insert(exposures).values(rows.slice(i, i + 200));

      const start = new Date(now - 30 * HOUR);
      const end = new Date(now);
      // The rows as stored, one object per key, picked by the window in plain code.
      const stored = await t.app.core.db.select().from(exposures).where(eq(exposures.region, 'EQ'));
      const within = (at: Date | null) => at !== null && at > start && at <= end;
      const keys = stored.filter((r) => within(r.exportableAt)).map((r) => toDiagnosisKey(r));
      const revised = stored
        .filter((r) => r.revisedAt !== null && within(r.revisedExportableAt))
        .map((r) => toDiagnosisKey(r, true));
      expect(revised.length).toBeGreaterThan(10);
      const infos = [signer.signatureInfo];
      for (const rules of [
        { paddingMin: 100, paddingJitter: 10, maxKeysPerFile: 150 }, // the last file is padded
        { paddingMin: 1000, paddingJitter: 50, maxKeysPerFile: 5000 }, // one padded file
        { paddingMin: 10, paddingJitter: 0, maxKeysPerFile: 100_000 }, // one file, no padding
      ]) {
        const random = (): ExportRandom => batchRandom(signer.signingKey, 'EQ 100 200');
        const expected = planExportFiles(keys, revised, rules, random(), 200).map((f) =>
          encodeExportBin({ header, signatureInfos: infos, keys: f.keys, revisedKeys: f.revisedKeys }),
        );
        for (const options of [{}, { parallel: database.kind === 'postgres', rowsPerQuery: 97 }]) {
          const records = await readExportRecords(t.app.core.db, 'EQ', start, end, options);
          expect(records.count).toBe(keys.length + revised.length);
          const sorted = sortRecords(records.bytes, records.count);
          const files = planRecordFiles(sorted, records.count, rules, random(), 200).map((f) =>
            f.records
              ? encodeRecordsExportBin(header, infos, sorted, f.records.from, f.records.to)
              : encodeExportBin({ header, signatureInfos: infos, keys: f.keys, revisedKeys: f.revisedKeys }),
          );
          expect(files.length).toBe(expected.length);
          files.forEach((file, i) => {
            expect(Buffer.compare(file, expected[i] as Uint8Array)).toBe(0);
          });
        }
      }
    });

    it('an empty window: no records', async () => {
      const far = new Date(0);
      const records = await readExportRecords(t.app.core.db, 'NONE', far, new Date(1000), { parallel: true });
      expect(records.count).toBe(0);
    });
  });
});
