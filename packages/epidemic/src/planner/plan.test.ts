import { describe, expect, it } from 'vitest';
import { Random } from '../random/random.js';
import { adoptionCurve } from './adoption-curve.js';
import { OPENABM_BASELINE } from './parameters.js';
import { runPlan } from './plan.js';
import { PlannerModel } from './planner-model.js';
import { VIETNAM_2020 } from './presets.js';

describe('planner model on a small population', () => {
  it('is deterministic for a seed, changes with it, and the app adds traced quarantines', () => {
    const run = (seed: number, adoption: number) =>
      new PlannerModel(3000, OPENABM_BASELINE, adoption, new Random(seed)).run(50);
    const first = run(3, 0.8);
    expect(run(3, 0.8)).toEqual(first);
    expect(run(4, 0.8).dailyInfections).not.toEqual(first.dailyInfections);
    expect(first.totalInfected).toBeGreaterThan(OPENABM_BASELINE.seedInfections);
    expect(first.tracedQuarantineEntries).toBeGreaterThan(0);
    expect(first.appUsers / 3000).toBeCloseTo(0.8, 1);
    const none = run(3, 0);
    expect(none.tracedQuarantineEntries).toBe(0);
    expect(none.quarantineEntries).toBeGreaterThan(0);
    expect(first.dailyInfections.reduce((a, b) => a + b, 0)).toBe(
      first.totalInfected - OPENABM_BASELINE.seedInfections,
    );
    expect(first.dailyInQuarantine).toHaveLength(50);
  });

  it('compares adoption levels with paired reference runs', () => {
    const plan = runPlan({
      people: 3000,
      days: 60,
      adoption: [0.8],
      depth: 2,
      seeds: 3,
      seed: 1,
      parameters: VIETNAM_2020,
    });
    expect(plan.reference.infectionCut).toEqual({ mean: 0, min: 0, max: 0 });
    expect(plan.reference.avertedPer1000QuarantineDays).toBeNull();
    const [high] = plan.scenarios;
    // At 80 % with F1 and F2 in quarantine the epidemic shrinks in every seed.
    expect(high?.infectionCut.min).toBeGreaterThan(0);
    expect(high?.quarantineEntries.mean).toBeGreaterThan(plan.reference.quarantineEntries.mean);
    expect(high?.dailyInfections).toHaveLength(60);
  });
});

describe('adoptionCurve', () => {
  it('gives F1 and F1+F2 curves over an adoption grid, F1+F2 quarantining more', () => {
    const progress: number[] = [];
    const curve = adoptionCurve(
      { people: 2000, days: 40, seeds: 2, seed: 3, parameters: OPENABM_BASELINE, grid: [0.5, 1] },
      (done, total) => progress.push(done / total),
    );
    // Both depths' 3 levels × 2 seeds counted together, never going back, ending at 1.
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((share, i) => i === 0 || share >= (progress[i - 1] as number))).toBe(true);
    expect(progress.filter((share) => share === 0.5)).not.toHaveLength(0);
    expect(curve.points.map((point) => point.adoption)).toEqual([0.5, 1]);
    const full = curve.points[1];
    expect(full?.quarantineDaysF2.mean).toBeGreaterThan(full?.quarantineDaysF1.mean ?? 0);
    expect(curve.reference.totalInfected.mean).toBeGreaterThan(OPENABM_BASELINE.seedInfections);
    expect(JSON.parse(JSON.stringify(curve))).toEqual(curve);
  });
});
