import { bluezonePreset, type ExposureRisk, type UtcDay } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { MemoryNotifier } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import { WarningState } from './warning-state.js';

const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) / 86_400_000) as UtcDay;

function risk(level: 'none' | 'F1' | 'F2', exposureDate?: string): ExposureRisk {
  const days =
    exposureDate === undefined
      ? []
      : [
          {
            day: day(exposureDate),
            ageInDays: 1,
            windowCount: 2,
            scoreSum: 20,
            maximumScore: 12,
            normalizedTime: 20,
            riskLevel: 'high' as const,
            minimumDistinctEncountersWithLowRisk: 0,
            minimumDistinctEncountersWithHighRisk: 1,
          },
        ];
  return {
    totalRiskLevel: level === 'none' ? 'none' : 'high',
    level,
    exposureDate,
    days,
    ageOfMostRecentDateWithLowRisk: null,
    ageOfMostRecentDateWithHighRisk: level === 'none' ? null : 1,
    numberOfDaysWithLowRisk: 0,
    numberOfDaysWithHighRisk: level === 'none' ? 0 : 1,
    minimumDistinctEncountersWithLowRisk: 0,
    minimumDistinctEncountersWithHighRisk: level === 'none' ? 0 : 1,
    guidance: bluezonePreset.guidance[level === 'none' ? 'none' : level],
  };
}

describe('warning state', () => {
  it('upgrades F2 to F1, never downgrades, and notifies once per new or upgraded warning', async () => {
    const notifier = new MemoryNotifier();
    const state = new WarningState(new MemoryStore(), notifier, 'en');
    expect(await state.merge(risk('none'), bluezonePreset, 1)).toBeNull();
    const f2 = await state.merge(risk('F2', '2026-11-02'), bluezonePreset, 2);
    expect(f2).toMatchObject({ level: 'F2', exposureDate: '2026-11-02', warnedAtMs: 2 });
    expect(f2?.days).toEqual([{ date: '2026-11-02', weightedMinutes: 20, riskLevel: 'high' }]);
    expect(f2?.guidance).toEqual(bluezonePreset.guidance.F2);
    expect(await state.merge(risk('F2', '2026-11-02'), bluezonePreset, 3)).toEqual(f2);
    const f1 = await state.merge(risk('F1', '2026-11-01'), bluezonePreset, 4);
    expect(f1).toMatchObject({ level: 'F1', exposureDate: '2026-11-01' });
    // Later assessments with less, or an older date, change nothing.
    for (const r of [risk('none'), risk('F2', '2026-11-05'), risk('F1', '2026-10-30')]) {
      expect(await state.merge(r, bluezonePreset, 5)).toEqual(f1);
    }
    // A new exposure on a later day is a new warning.
    expect(await state.merge(risk('F1', '2026-11-06'), bluezonePreset, 6)).toMatchObject({
      exposureDate: '2026-11-06',
    });
    expect(notifier.shown.map((n) => `${n.level} ${n.exposureDate}`)).toEqual([
      'F2 2026-11-02',
      'F1 2026-11-01',
      'F1 2026-11-06',
    ]);
    expect(notifier.shown[0]?.title).toMatch(/close contact/);
    expect(notifier.shown[0]?.body).toBe(bluezonePreset.guidance.F2.en);
  });

  it('writes Vietnamese notifications in Vietnamese', async () => {
    const notifier = new MemoryNotifier();
    await new WarningState(new MemoryStore(), notifier, 'vi').merge(
      risk('F1', '2026-11-02'),
      bluezonePreset,
      1,
    );
    expect(notifier.shown[0]?.title).toMatch(/F1/);
    expect(notifier.shown[0]?.body).toBe(bluezonePreset.guidance.F1.vi);
  });
});
