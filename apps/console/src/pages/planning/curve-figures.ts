import type { AdoptionCurveData, TargetProgress } from '@bluezone/api';

// Pure figures of the "What adoption buys" panel: the curves with the no-app point at 0, and the value
// at an adoption between the computed points.

export interface CurveLine {
  /** [adoption %, value] pairs, adoption 0–100. */
  readonly f1: readonly [number, number][];
  readonly f2: readonly [number, number][];
}

/** Infections averted (%, mean over seeds) against adoption (%), starting at 0 % → 0. */
export function avertedLines(curve: AdoptionCurveData): CurveLine {
  const at = (pick: (p: AdoptionCurveData['points'][number]) => number) => [
    [0, 0] as [number, number],
    ...curve.points.map((p) => [p.adoption * 100, pick(p) * 100] as [number, number]),
  ];
  return { f1: at((p) => p.cutF1.mean), f2: at((p) => p.cutF2.mean) };
}

/** Quarantine person-days per 1,000 people against adoption (%), starting at the no-app reference. */
export function quarantineLines(curve: AdoptionCurveData): CurveLine {
  const per1000 = (days: number) => (1000 * days) / curve.people;
  const start: [number, number] = [0, per1000(curve.reference.quarantinePersonDays.mean)];
  const at = (pick: (p: AdoptionCurveData['points'][number]) => number) => [
    start,
    ...curve.points.map((p) => [p.adoption * 100, per1000(pick(p))] as [number, number]),
  ];
  return { f1: at((p) => p.quarantineDaysF1.mean), f2: at((p) => p.quarantineDaysF2.mean) };
}

/** The line's value at `x` (linear between points; clamped to its ends). */
export function valueAt(line: readonly [number, number][], x: number): number {
  const first = line[0];
  if (!first) return 0;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = line[i] as [number, number];
    const [x0, y0] = line[i - 1] as [number, number];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return (line.at(-1) as [number, number])[1];
}

/** The first target of `area` with a number of users, as a share of `population`; null when none. */
export function targetShare(
  targets: readonly TargetProgress[] | undefined,
  area: string,
  population: number | null | undefined,
): number | null {
  const target = targets?.find((row) => row.area === area && row.targetUsers !== null);
  if (!target?.targetUsers || !population) return null;
  return Math.min(1, target.targetUsers / population);
}
