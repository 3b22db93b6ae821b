import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExposureWindow, ReportType } from '../diagnosis.js';
import { infectiousnessOf } from './diagnosis-mapping.js';
import { assessExposureRisk } from './exposure-risk.js';
import { RISK_PRESETS, riskPreset } from './presets/index.js';
import { TODAY, win } from './test-windows.js';
import { bucketOf, transmissionRiskLevel, weightedMinutes, windowScore } from './window-score.js';

const {
  CONFIRMED_TEST: TEST,
  CONFIRMED_CLINICAL_DIAGNOSIS: CLINICAL,
  SELF_REPORT: SELF,
  RECURSIVE,
} = ReportType;

describe('window scores', () => {
  it('puts an attenuation equal to a threshold in the farther bucket', () => {
    expect([29, 30, 49, 50, 59, 60, 200].map((db) => bucketOf(db, [30, 50, 60]))).toEqual([
      0, 1, 1, 2, 2, 3, 3,
    ]);
    expect(bucketOf(80, [])).toBe(0);
  });

  it('weighs each bucket (enx: 150/100/50/0 %)', () => {
    const w = win(0, TEST, 'standard', [
      [0, 25, 300],
      [0, 40, 300],
      [0, 55, 300],
      [0, 65, 300],
    ]);
    expect(weightedMinutes(w, riskPreset('enx'))).toBe((450 + 300 + 150) / 60);
    expect(assessExposureRisk([w], riskPreset('enx'), TODAY).totalRiskLevel).toBe('high');
  });

  it('ignores a scan instance with a negative secondsSinceLastScan and scores the rest, as CWA does', () => {
    const clean = win(0, TEST, 'standard', [
      [0, 40, 300],
      [0, 40, 300],
    ]);
    const moved = win(0, TEST, 'standard', [
      [0, 40, 300],
      [0, 40, -3600],
      [0, 40, 300],
    ]);
    const odd = win(0, TEST, 'standard', [
      [0, 40, 300],
      [0, Number.NaN, 300],
      [0, 40, Number.NaN],
      [0, 40, 300],
    ]);
    for (const config of [riskPreset('enx'), riskPreset('cwa'), riskPreset('bluezone')]) {
      expect(weightedMinutes(moved, config)).toBe(weightedMinutes(clean, config));
      expect(weightedMinutes(odd, config)).toBe(weightedMinutes(clean, config));
      expect(assessExposureRisk([moved], config, TODAY)).toEqual(assessExposureRisk([clean], config, TODAY));
    }
  });

  it('uses minimum or typical attenuation as configured', () => {
    const w = win(0, TEST, 'standard', [[50, 80, 600]]);
    expect(weightedMinutes(w, riskPreset('cwa'))).toBeCloseTo(8);
    expect(weightedMinutes(w, riskPreset('dp3t'))).toBe(0);
  });

  it('applies report-type and infectiousness weights', () => {
    const config = {
      ...riskPreset('dp3t'),
      reportTypeWeights: { confirmedTest: 2, confirmedClinicalDiagnosis: 1, selfReport: 0, recursive: 0 },
      infectiousnessWeights: { standard: 0.5, high: 1.5 },
    };
    expect(windowScore(win(0, TEST, 'high', [[0, 40, 600]]), config)).toBe(30);
    expect(windowScore(win(0, TEST, 'standard', [[0, 52, 600]]), config)).toBe(5);
    expect(windowScore(win(0, SELF, 'high', [[0, 40, 600]]), config)).toBe(0);
  });

  it('encodes CWA transmission-risk levels 1…8', () => {
    const cwa = riskPreset('cwa');
    const levels = [RECURSIVE, SELF, CLINICAL, TEST].flatMap((rt) =>
      (['standard', 'high'] as const).map((inf) => transmissionRiskLevel(win(0, rt, inf, []), cwa)),
    );
    expect(levels).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // 10 min at 65 dB × 1.4 (confirmed test, standard)
    expect(windowScore(win(0, TEST, 'standard', [[65, 0, 600]]), cwa)).toBe(14);
  });

  it('ignores infectiousness none and revoked keys; UNKNOWN becomes reportTypeWhenMissing', () => {
    const bz = riskPreset('bluezone');
    expect(windowScore(win(0, TEST, 'none', [[0, 40, 600]]), bz)).toBe(0);
    expect(windowScore(win(0, ReportType.REVOKED, 'high', [[0, 40, 600]]), bz)).toBe(0);
    expect(windowScore(win(0, ReportType.UNKNOWN, 'high', [[0, 40, 600]]), bz)).toBe(10);
  });

  it('adds a day by sum or by maximum', () => {
    const windows = [win(0, TEST, 'standard', [[0, 40, 600]]), win(0, TEST, 'standard', [[0, 40, 480]])];
    const dp3t = riskPreset('dp3t');
    expect(assessExposureRisk(windows, dp3t, TODAY).days[0]?.normalizedTime).toBe(18);
    expect(
      assessExposureRisk(windows, { ...dp3t, dailyAggregation: 'max' }, TODAY).days[0]?.normalizedTime,
    ).toBe(10);
  });

  it('maps days since onset to infectiousness', () => {
    const m = riskPreset('bluezone').diagnosisKeysDataMapping;
    expect([-5, -2, 3, 4, undefined].map((d) => infectiousnessOf(d, m))).toEqual([
      'none',
      'high',
      'high',
      'standard',
      'standard',
    ]);
  });
});

const scan = fc.tuple(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 300 }),
);
const windowArb: fc.Arbitrary<ExposureWindow> = fc
  .tuple(
    fc.integer({ min: 0, max: 13 }),
    fc.constantFrom(TEST, CLINICAL, SELF, RECURSIVE),
    fc.constantFrom('none', 'standard', 'high' as const),
    fc.array(scan, { maxLength: 7 }),
    fc.constantFrom(0, 1, 2, 3 as const),
  )
  .map(([age, rt, inf, scans, cc]) => win(age, rt, inf, scans, cc));
const rank = { none: 0, low: 1, high: 2, F2: 1, F1: 2 } as const;

describe.each(Object.keys(RISK_PRESETS))('properties with the %s preset', (name) => {
  const config = riskPreset(name);
  const assess = (ws: readonly ExposureWindow[]) => assessExposureRisk(ws, config, TODAY);

  it('the order of windows is irrelevant', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 12 }), fc.integer(), (ws, seed) => {
        const shuffled = [...ws].sort(
          (a, b) => ((ws.indexOf(a) * 7919 + seed) % 13) - ((ws.indexOf(b) * 7919 + seed) % 13),
        );
        expect(assess(shuffled)).toEqual(assess(ws));
      }),
      { numRuns: 200 },
    );
  });

  it('more exposure never lowers risk', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 12 }), windowArb, (ws, extra) => {
        const before = assess(ws);
        const after = assess([...ws, extra]);
        expect(rank[after.totalRiskLevel]).toBeGreaterThanOrEqual(rank[before.totalRiskLevel]);
        expect(rank[after.level]).toBeGreaterThanOrEqual(rank[before.level]);
        expect(after.numberOfDaysWithHighRisk).toBeGreaterThanOrEqual(before.numberOfDaysWithHighRisk);
      }),
      { numRuns: 200 },
    );
  });

  it('F1 outranks F2: a long close confirmed contact makes F1 whatever else happened', () => {
    const f1 = win(4, TEST, 'high', [[20, 20, 1800]]);
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 12 }), (ws) => {
        expect(assess([...ws, f1]).level).toBe('F1');
      }),
      { numRuns: 100 },
    );
  });
});
