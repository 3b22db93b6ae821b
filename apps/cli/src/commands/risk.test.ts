import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-risk-'));
let files = 0;
const file = (content: unknown) => {
  files += 1;
  const path = join(dir, `f${files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const bluezone = runBluezone;

afterEach(() => {
  process.exitCode = undefined;
});

const scans = (...s: [number, number, number][]) =>
  s.map(([minAttenuationDb, typicalAttenuationDb, secondsSinceLastScan]) => ({
    minAttenuationDb,
    typicalAttenuationDb,
    secondsSinceLastScan,
  }));
const window = (
  ageInDays: number,
  reportType: unknown,
  infectiousness: unknown,
  s: readonly object[],
  calibrationConfidence: unknown = 0,
) => ({
  ageInDays,
  reportType,
  infectiousness,
  calibrationConfidence,
  scanInstances: s,
});
const risk = async (config: string, windows: unknown) =>
  JSON.parse(
    (
      await bluezone(
        'risk',
        '--config',
        config,
        '--windows',
        file(windows),
        '--today',
        '2020-06-01',
        '--json',
      )
    ).stdout,
  );

// Hand-computed with CWA's final parameters (and cases of its published exposure-window tests).
describe('bluezone risk --config cwa', () => {
  it('high: 10 min at minimum attenuation 72 dB (weight 1.0) × 1.2 (clinical, high) = 12', async () => {
    const r = await risk('cwa', [window(1, 2, 2, scans([72, 25, 300], [72, 25, 300]))]);
    expect(r).toEqual({
      totalRiskLevel: 'high',
      level: 'F1',
      exposureDate: '2020-05-31',
      days: [{ ageInDays: 1, riskLevel: 'high', normalizedTime: 12 }],
      ageOfMostRecentDateWithLowRisk: null,
      ageOfMostRecentDateWithHighRisk: 1,
      numberOfDaysWithLowRisk: 0,
      numberOfDaysWithHighRisk: 1,
      minimumDistinctEncountersWithLowRisk: 0,
      minimumDistinctEncountersWithHighRisk: 1,
    });
  });

  it('low: 3000 s at 73 dB (weight 0.1) = 5 min × 1.2 = 6, with GAEN names', async () => {
    const r = await risk('cwa', [window(1, 'CONFIRMED_CLINICAL_DIAGNOSIS', 'high', scans([73, 25, 3000]))]);
    expect(r.totalRiskLevel).toBe('low');
    expect(r.level).toBe('none');
    expect(r.days).toEqual([{ ageInDays: 1, riskLevel: 'low', normalizedTime: 6 }]);
    expect([
      r.ageOfMostRecentDateWithLowRisk,
      r.numberOfDaysWithLowRisk,
      r.minimumDistinctEncountersWithLowRisk,
    ]).toEqual([1, 1, 1]);
  });

  it('three low windows of one encounter make a high day: 3 × 8 min × 0.8 × 0.6 = 14.4', async () => {
    const w = window(1, 'SELF_REPORT', 'standard', scans([30, 25, 300], [30, 25, 300]));
    const r = await risk('cwa', [w, w, w]);
    expect(r.days).toEqual([{ ageInDays: 1, riskLevel: 'high', normalizedTime: 14.4 }]);
    expect([r.minimumDistinctEncountersWithLowRisk, r.minimumDistinctEncountersWithHighRisk]).toEqual([1, 0]);
  });

  it('recursive keys are worth nothing with cwa', async () => {
    const r = await risk('cwa', [window(1, 'RECURSIVE', 'high', scans([30, 25, 300], [30, 25, 300]))]);
    expect([r.totalRiskLevel, r.level, r.days[0].riskLevel]).toEqual(['none', 'none', 'none']);
  });

  it('most recent high day among three (11.2 min × 1.6 = 17.92 each)', async () => {
    const r = await risk(
      'cwa',
      [3, 2, 4].map((a) => window(a, 1, 2, scans([30, 25, 420], [30, 25, 420]))),
    );
    expect(
      r.days.map((d: { ageInDays: number; normalizedTime: number }) => [d.ageInDays, d.normalizedTime]),
    ).toEqual([
      [2, 17.92],
      [3, 17.92],
      [4, 17.92],
    ]);
    expect([
      r.ageOfMostRecentDateWithHighRisk,
      r.numberOfDaysWithHighRisk,
      r.minimumDistinctEncountersWithHighRisk,
    ]).toEqual([2, 3, 3]);
    expect(r.exposureDate).toBe('2020-05-30');
  });
});

describe('bluezone risk --config bluezone', () => {
  it('F2 from recursive keys, 20 min at typical 60 dB, with a human summary', async () => {
    const windows = file([window(2, 'RECURSIVE', 'standard', scans([55, 60, 1200]))]);
    const { code, stdout } = await bluezone(
      'risk',
      '--config',
      'bluezone',
      '--windows',
      windows,
      '--today',
      '2020-06-01',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('risk HIGH — F2, exposure on 2020-05-30');
    expect(stdout).toContain('You are F2');
    expect(stdout).toContain('Bạn là F2');
  });

  it('accepts a configuration file', async () => {
    const config = JSON.parse(
      (await bluezone('risk', '--config', 'dp3t', '--windows', file([]), '--json')).stdout,
    );
    expect(config.totalRiskLevel).toBe('none');
  });
});

describe('odd values a moving clock makes', () => {
  it('ignores a scan instance with a negative secondsSinceLastScan, says so, and scores the rest', async () => {
    const clean = [window(1, 'CONFIRMED_TEST', 'high', scans([40, 40, 300], [40, 40, 300]))];
    const moved = [window(1, 'CONFIRMED_TEST', 'high', scans([40, 40, 300], [40, 40, -600], [40, 40, 300]))];
    const expected = await bluezone(
      'risk',
      '--config',
      'cwa',
      '--windows',
      file(clean),
      '--json',
      '--today',
      '2020-06-01',
    );
    const got = await bluezone(
      'risk',
      '--config',
      'cwa',
      '--windows',
      file(moved),
      '--json',
      '--today',
      '2020-06-01',
    );
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout)).toEqual(JSON.parse(expected.stdout));
    expect(got.stderr).toContain('ignored 1 scan instance(s) with a negative secondsSinceLastScan');
    expect(expected.stderr).toBe('');
  });
});

describe('bad input exits 2 with one precise line', () => {
  const ok = window(1, 1, 1, scans([50, 50, 300]));
  it.each<[string, unknown, string]>([
    ['unknown report type', [window(1, 'POSITIVE', 1, [])], '[0].reportType must be a GAEN report type'],
    [
      'bad infectiousness',
      [ok, window(1, 1, 'very', [])],
      '[1].infectiousness must be "none", "standard", "high" or 0…2',
    ],
    [
      'negative attenuation',
      [window(1, 1, 1, scans([50, -3, 300]))],
      '[0].scanInstances[0].typicalAttenuationDb must be an integer in 0…255, not -3',
    ],
    [
      'missing field',
      [{ ageInDays: 1, reportType: 1, infectiousness: 1, scanInstances: [] }],
      '[0].calibrationConfidence is required',
    ],
    [
      'CWA field names',
      [window(1, 1, 1, [{ minAttenuation: 1, typicalAttenuationDb: 1, secondsSinceLastScan: 1 }])],
      '[0].scanInstances[0].minAttenuationDb is required',
    ],
    ['not an array', { windows: [] }, 'windows must be an array'],
  ])('%s', async (_, windows, message) => {
    const { code, stderr } = await bluezone('risk', '--config', 'cwa', '--windows', file(windows));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trimEnd()).not.toContain('\n');
  });

  it('rejects an unknown preset, a bad configuration file, a bad date and bad JSON', async () => {
    const w = file([]);
    expect((await bluezone('risk', '--config', 'who', '--windows', w)).stderr).toContain('neither a preset');
    const badConfig = file({ name: 'x' });
    const r = await bluezone('risk', '--config', badConfig, '--windows', w);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('attenuation is required')]);
    expect(
      (await bluezone('risk', '--config', 'cwa', '--windows', w, '--today', '2020-02-30')).stderr,
    ).toContain('--today');
    expect((await bluezone('risk', '--config', 'cwa', '--windows', file('[{'))).stderr).toContain(
      'is not valid JSON',
    );
    expect((await bluezone('risk', '--windows', w)).stderr).toContain('--config is required');
  });
});
