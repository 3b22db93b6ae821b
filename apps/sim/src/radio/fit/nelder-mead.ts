/**
 * Minimises `f` from `start` with the Nelder–Mead simplex method (reflection 1, expansion 2,
 * contraction ½, shrink ½), as described by Nelder and Mead (Computer Journal, 1965). `steps` gives
 * the initial simplex size per parameter. Deterministic.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  steps: readonly number[],
  iterations = 4000,
  tolerance = 1e-9,
): { x: number[]; value: number } {
  const n = start.length;
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] = (vertex[i] ?? 0) + (steps[i] ?? 1);
    simplex.push(vertex);
  }
  let values = simplex.map(f);
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] =>
    a.map((value, i) => value + t * ((b[i] ?? 0) - value));
  for (let iteration = 0; iteration < iterations; iteration++) {
    const order = values.map((_, i) => i).sort((i, j) => (values[i] ?? 0) - (values[j] ?? 0));
    simplex = order.map((i) => simplex[i] ?? []);
    values = order.map((i) => values[i] ?? 0);
    const best = values[0] ?? 0;
    const worst = values[n] ?? 0;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++)
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] ?? 0) + (simplex[v]?.[i] ?? 0) / n;
    const worstVertex = simplex[n] ?? [];
    const reflected = combine(centroid, worstVertex, -1);
    const reflectedValue = f(reflected);
    if (reflectedValue < best) {
      const expanded = combine(centroid, worstVertex, -2);
      const expandedValue = f(expanded);
      [simplex[n], values[n]] =
        expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < (values[n - 1] ?? 0)) {
      [simplex[n], values[n]] = [reflected, reflectedValue];
    } else {
      const contracted = combine(centroid, worstVertex, 0.5);
      const contractedValue = f(contracted);
      if (contractedValue < worst) {
        [simplex[n], values[n]] = [contracted, contractedValue];
      } else {
        const first = simplex[0] ?? [];
        simplex = simplex.map((vertex, v) => (v === 0 ? vertex : combine(first, vertex, 0.5)));
        values = simplex.map((vertex, v) => (v === 0 ? best : f(vertex)));
      }
    }
  }
  const index = values.indexOf(Math.min(...values));
  return { x: simplex[index] ?? start.slice(), value: values[index] ?? Number.NaN };
}
