import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { checkKeyCount, checkOverlaps, type ValidKey, validateKeys } from './key-validation.js';
import { daysSinceOnset, exportableAt } from './publish-rules.js';

const NOW = 2_964_000; // some time on a day starting at 2_963_952
const key = (start: number, period = 144): ValidKey => ({
  keyData: new Uint8Array(16),
  rollingStartIntervalNumber: start,
  rollingPeriod: period,
  transmissionRisk: 0,
});
const codeOf = (fn: () => void) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
};

describe('key validation (pure)', () => {
  it('counts 1..30 keys', () => {
    expect(codeOf(() => checkKeyCount(0))).toBe('no_keys');
    expect(codeOf(() => checkKeyCount(1))).toBeUndefined();
    expect(codeOf(() => checkKeyCount(30))).toBeUndefined();
    expect(codeOf(() => checkKeyCount(31))).toBe('too_many_keys');
  });

  it('drops keys item by item and keeps their order in the warnings', () => {
    const good = {
      key: Buffer.alloc(16).toString('base64'),
      rollingStartNumber: 2_963_808,
      rollingPeriod: 144,
      transmissionRisk: 0,
    };
    const { accepted, warnings } = validateKeys(
      [good, { ...good, rollingPeriod: 200 }, good, { ...good, rollingStartNumber: NOW + 1 }],
      NOW,
    );
    expect(accepted).toHaveLength(2);
    expect(warnings.map((w) => w.slice(0, 24))).toEqual([
      'temporaryExposureKeys[1]',
      'temporaryExposureKeys[3]',
    ]);
  });

  it('says what is wrong with a rolling start: negative, or in the future', () => {
    const key = { key: Buffer.alloc(16).toString('base64'), rollingPeriod: 144, transmissionRisk: 0 };
    const { warnings } = validateKeys(
      [
        { ...key, rollingStartNumber: -144 },
        { ...key, rollingStartNumber: NOW + 1 },
      ],
      NOW,
    );
    expect(warnings).toEqual([
      'temporaryExposureKeys[0]: rollingStartNumber -144 is negative (it counts 10-minute intervals since 1970); dropped',
      `temporaryExposureKeys[1]: rollingStartNumber ${NOW + 1} is in the future; dropped`,
    ]);
  });

  it('lets overlapping keys share a start (at most 3), never overlap from different starts', () => {
    expect(codeOf(() => checkOverlaps([key(2_963_808), key(2_963_952), key(2_963_664)]))).toBeUndefined();
    expect(
      codeOf(() => checkOverlaps([key(2_963_952, 30), key(2_963_952, 60), key(2_963_952)])),
    ).toBeUndefined();
    expect(
      codeOf(() => checkOverlaps([key(2_963_952), key(2_963_952), key(2_963_952), key(2_963_952)])),
    ).toBe('keys_overlap');
    expect(codeOf(() => checkOverlaps([key(2_963_808), key(2_963_900)]))).toBe('keys_overlap');
    expect(codeOf(() => checkOverlaps([key(2_963_808, 10), key(2_963_818, 10)]))).toBeUndefined();
  });

  it('embargoes keys still valid and counts days from the onset day', () => {
    const now = new Date(NOW * 600_000);
    expect(exportableAt(key(2_963_952), now).getTime()).toBe((2_963_952 + 144) * 600_000);
    expect(exportableAt(key(2_963_808), now).getTime()).toBe(Math.floor(NOW / 6) * 3_600_000);
    expect(daysSinceOnset(key(2_963_952), 2_963_808 + 50)).toBe(1);
    expect(daysSinceOnset(key(2_963_952), undefined)).toBeNull();
    expect(daysSinceOnset(key(2_963_952), 2_963_952 - 15 * 144)).toBeNull();
  });
});
