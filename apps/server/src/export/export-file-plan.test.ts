import { randomBytes, randomInt } from 'node:crypto';
import { compareBytes, type DiagnosisKey, intervalNumber, ReportType } from '@bluezone/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planExportFiles } from './export-file-plan.js';

const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)), int: (n: number) => randomInt(n) };
const key = (bytes: number[]): DiagnosisKey => ({
  keyData: Uint8Array.from({ length: 16 }, (_, i) => bytes[i % bytes.length] ?? 0),
  rollingStartIntervalNumber: intervalNumber(2_958_336),
  rollingPeriod: 144,
  transmissionRiskLevel: 0,
  reportType: ReportType.RECURSIVE,
});

describe('planExportFiles', () => {
  it('keeps every key once, files within the cap, sorted across files, small files padded', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }), {
          maxLength: 300,
          selector: (a) => a.join(','),
        }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 50, max: 120 }),
        (raw, paddingMin, paddingJitter, maxKeysPerFile) => {
          const keys = raw.map(key);
          const files = planExportFiles(
            keys,
            [],
            { paddingMin, paddingJitter, maxKeysPerFile },
            random,
            1_773_129_600,
          );
          expect(files.length).toBe(Math.max(1, Math.ceil(keys.length / maxKeysPerFile)));
          expect(files.reduce((n, f) => n + f.realCount, 0)).toBe(keys.length);
          const real = new Set(keys.map((k) => k.keyData.join(',')));
          const reals = files.flatMap((f) => f.keys.filter((k) => real.has(k.keyData.join(','))));
          expect(reals.length).toBe(keys.length);
          for (let i = 1; i < reals.length; i++)
            expect(
              compareBytes(reals[i - 1]?.keyData ?? new Uint8Array(), reals[i]?.keyData ?? new Uint8Array()),
            ).toBeLessThan(0);
          for (const f of files) {
            expect(f.keys.length).toBeLessThanOrEqual(maxKeysPerFile);
            if (f.realCount < paddingMin) {
              expect(f.keys.length).toBeGreaterThanOrEqual(paddingMin);
              expect(f.keys.length).toBeLessThanOrEqual(paddingMin + paddingJitter);
            } else expect(f.keys.length).toBe(f.realCount);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives padding the metadata of real keys, or of plausible day-long keys when there are none', () => {
    const [withReal] = planExportFiles(
      [key([1])],
      [],
      { paddingMin: 10, paddingJitter: 0, maxKeysPerFile: 100 },
      random,
      1_773_129_600,
    );
    expect(withReal?.keys.every((k) => k.reportType === ReportType.RECURSIVE)).toBe(true);
    const [empty] = planExportFiles(
      [],
      [],
      { paddingMin: 10, paddingJitter: 0, maxKeysPerFile: 100 },
      random,
      1_773_129_600,
    );
    expect(empty?.keys).toHaveLength(10);
    for (const k of empty?.keys ?? []) {
      expect(k.rollingPeriod).toBe(144);
      expect(k.rollingStartIntervalNumber % 144).toBe(0);
      expect(k.rollingStartIntervalNumber).toBeLessThan(1_773_129_600 / 600);
      expect(k.rollingStartIntervalNumber).toBeGreaterThanOrEqual(1_773_129_600 / 600 - 15 * 144);
    }
  });
});
