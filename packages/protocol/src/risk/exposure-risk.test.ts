import { describe, expect, it } from 'vitest';
import { ReportType } from '../diagnosis.js';
import { isoDateOfDay, type UtcDay } from '../time/interval.js';
import { assessExposureRisk } from './exposure-risk.js';
import { riskPreset } from './presets/index.js';
import { TODAY, win } from './test-windows.js';

const {
  CONFIRMED_TEST: TEST,
  CONFIRMED_CLINICAL_DIAGNOSIS: CLINICAL,
  SELF_REPORT: SELF,
  RECURSIVE,
} = ReportType;
const cwa = riskPreset('cwa');

type Expected = [
  total: string,
  ageLow: number | null,
  ageHigh: number | null,
  daysLow: number,
  daysHigh: number,
  encLow: number,
  encHigh: number,
];

function summary(windows: Parameters<typeof assessExposureRisk>[0]): Expected {
  const r = assessExposureRisk(windows, cwa, TODAY);
  return [
    r.totalRiskLevel,
    r.ageOfMostRecentDateWithLowRisk,
    r.ageOfMostRecentDateWithHighRisk,
    r.numberOfDaysWithLowRisk,
    r.numberOfDaysWithHighRisk,
    r.minimumDistinctEncountersWithLowRisk,
    r.minimumDistinctEncountersWithHighRisk,
  ];
}

// Cases of Corona-Warn-App's published exposure-window test cases for its final configuration
// (re-computed by hand: minimum attenuation weights × transmission-risk value). CWA's LOW total
// with no low day is 'none' here.
describe('CWA semantics with the cwa preset', () => {
  const close = (s: number) => [30, 25, s] as const;
  const at65 = (s: number) => [65, 25, s] as const;
  it.each<[string, Parameters<typeof summary>[0], Expected]>([
    [
      '599 s at 30 dB, clinical/high: 7.99 min × 1.2 = 9.58 → high',
      [win(1, CLINICAL, 'high', [close(300), close(299)])],
      ['high', null, 1, 0, 1, 0, 1],
    ],
    [
      '3000 s at 73 dB weighs 0.1: 5 min × 1.2 = 6 → low',
      [win(1, CLINICAL, 'high', [[73, 25, 3000]])],
      ['low', 1, null, 1, 0, 1, 0],
    ],
    [
      '600 s at 72 dB weighs 1.0: 10 × 1.2 = 12 → high',
      [
        win(1, CLINICAL, 'high', [
          [72, 25, 300],
          [72, 25, 300],
        ]),
      ],
      ['high', null, 1, 0, 1, 0, 1],
    ],
    [
      'recursive keys (level 2) are worth 0',
      [win(1, RECURSIVE, 'high', [close(300), close(300)])],
      ['none', null, null, 0, 0, 0, 0],
    ],
    [
      'self-report/standard (level 3): 12 min × 0.6 = 7.2 → low',
      [win(1, SELF, 'standard', [close(300), close(300), close(300)])],
      ['low', 1, null, 1, 0, 1, 0],
    ],
    [
      '4.98 normalized minutes → no risk',
      [win(1, CLINICAL, 'standard', [at65(299)])],
      ['none', null, null, 0, 0, 0, 0],
    ],
    ['5 → low', [win(1, CLINICAL, 'standard', [at65(300)])], ['low', 1, null, 1, 0, 1, 0]],
    ['8.98 → low', [win(1, CLINICAL, 'standard', [at65(539)])], ['low', 1, null, 1, 0, 1, 0]],
    ['9 → high', [win(1, CLINICAL, 'standard', [at65(540)])], ['high', null, 1, 0, 1, 0, 1]],
    [
      'a day without a level does not count its windows',
      [win(2, CLINICAL, 'standard', [at65(299)]), win(3, CLINICAL, 'standard', [at65(300)])],
      ['low', 3, null, 1, 0, 1, 0],
    ],
    [
      'most recent low day',
      [3, 2, 4].map((a) => win(a, CLINICAL, 'standard', [at65(300)])),
      ['low', 2, null, 3, 0, 3, 0],
    ],
    [
      'two low windows, same TRL and confidence: one encounter, high day',
      [0, 0].map(() => win(1, CLINICAL, 'standard', [at65(300)])),
      ['high', null, 1, 0, 1, 1, 0],
    ],
    [
      'different calibration confidence: two encounters',
      [win(1, CLINICAL, 'standard', [at65(300)]), win(1, CLINICAL, 'standard', [at65(300)], 1)],
      ['high', null, 1, 0, 1, 2, 0],
    ],
    [
      'different transmission risk: two encounters',
      [win(1, CLINICAL, 'standard', [at65(300)]), win(1, CLINICAL, 'high', [at65(300)])],
      ['high', null, 1, 0, 1, 2, 0],
    ],
    [
      'different dates: two low days',
      [1, 2].map((a) => win(a, CLINICAL, 'high', [at65(300)])),
      ['low', 1, null, 2, 0, 2, 0],
    ],
    [
      'three low windows make a high day (4.8 × 3 = 14.4)',
      [0, 0, 0].map(() => win(1, SELF, 'standard', [close(300), close(300)])),
      ['high', null, 1, 0, 1, 1, 0],
    ],
    [
      'most recent high day (test/high, 11.2 × 1.6 = 17.92)',
      [3, 2, 4].map((a) => win(a, TEST, 'high', [close(420), close(420)])),
      ['high', null, 2, 0, 3, 0, 3],
    ],
    [
      'one high window among low ones',
      [win(2, CLINICAL, 'standard', [at65(300)]), win(1, TEST, 'high', [close(420), close(420)])],
      ['high', 2, 1, 1, 1, 1, 1],
    ],
    ['no windows', [], ['none', null, null, 0, 0, 0, 0]],
    ['a window without scans', [win(1, CLINICAL, 'high', [])], ['none', null, null, 0, 0, 0, 0]],
    [
      'minimum attenuation 0 (weight 0.8): 4 + 5 = 9 → high',
      [win(1, CLINICAL, 'standard', [[0, 25, 300], at65(300)])],
      ['high', null, 1, 0, 1, 0, 1],
    ],
    [
      'a scan 0 s after the previous adds nothing',
      [
        win(1, CLINICAL, 'standard', [
          [70, 25, 0],
          [70, 25, 300],
          [70, 25, 300],
        ]),
      ],
      ['high', null, 1, 0, 1, 0, 1],
    ],
  ])('%s', (_, windows, expected) => {
    expect(summary(windows)).toEqual(expected);
  });
});

describe('Bluezone levels', () => {
  const bluezone = riskPreset('bluezone');
  const near = (minutes: number) => [[60, 60, minutes * 60]] as const;
  const level = (windows: Parameters<typeof summary>[0], config = bluezone) => {
    const r = assessExposureRisk(windows, config, TODAY);
    return [r.level, r.exposureDate];
  };
  const date = (age: number) => isoDateOfDay((TODAY - age) as UtcDay);

  it('F1 from confirmed or clinical keys, F2 from recursive keys only', () => {
    expect(level([win(3, TEST, 'standard', near(15))])).toEqual(['F1', date(3)]);
    expect(level([win(3, CLINICAL, 'high', near(20))])).toEqual(['F1', date(3)]);
    expect(level([win(2, RECURSIVE, 'standard', near(20))])).toEqual(['F2', date(2)]);
    expect(level([win(2, TEST, 'standard', near(14))])).toEqual(['none', undefined]);
  });

  it('F1 outranks a more recent F2, and the date is the most recent F1 day', () => {
    const windows = [
      win(6, TEST, 'high', near(16)),
      win(5, TEST, 'high', near(16)),
      win(1, RECURSIVE, 'high', near(30)),
    ];
    expect(level(windows)).toEqual(['F1', date(5)]);
  });

  it('a day high only with recursive keys added is F2', () => {
    expect(level([win(1, TEST, 'standard', near(10)), win(1, RECURSIVE, 'standard', near(10))])).toEqual([
      'F2',
      date(1),
    ]);
  });

  it('self-reports never warn with bluezone, but are F1 with cwa', () => {
    expect(level([win(1, SELF, 'high', near(30))])).toEqual(['none', undefined]);
    expect(level([win(1, SELF, 'high', [[50, 50, 1800]])], cwa)).toEqual(['F1', date(1)]);
    expect(level([win(1, RECURSIVE, 'high', [[50, 50, 1800]])], cwa)).toEqual(['none', undefined]);
  });

  it('gives the guidance of the level', () => {
    const r = assessExposureRisk([win(2, RECURSIVE, 'standard', near(20))], bluezone, TODAY);
    expect(r.guidance).toBe(bluezone.guidance.F2);
    expect(assessExposureRisk([], bluezone, TODAY).guidance).toBe(bluezone.guidance.none);
  });
});
