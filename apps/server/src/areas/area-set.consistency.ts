import type { AreaProblem, AreaSet } from './area-set.types.js';

// What the shape cannot say: codes unique, districts present exactly when the set has a district
// level, the population adding up to the published national total, a successor covering its
// predecessor exactly once.

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return twice;
}

/** Problems inside one set (its shape already checked). */
export function consistencyProblems(set: AreaSet, fileId?: string): AreaProblem[] {
  const problems: AreaProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (fileId !== undefined && set.id !== fileId) fail('$.id', `must be the file's name, ${fileId}`);
  const hasDistricts = set.levels.includes('district');
  if (hasDistricts && set.districtsAbolished)
    fail('$.levels', 'lists districts, but districtsAbolished is true');

  const codes = duplicates(set.provinces.map((p) => p.code));
  const isos = duplicates(set.provinces.flatMap((p) => (p.iso ? [p.iso] : [])));
  const gsoCodes = duplicates(set.provinces.map((p) => p.gsoCode));
  const districtCodes = duplicates(set.provinces.flatMap((p) => p.districts.map((d) => d.code)));
  set.provinces.forEach((p, i) => {
    const path = `$.provinces[${i}]`;
    if (codes.has(p.code)) fail(`${path}.code`, `${p.code} is used by more than one province`);
    if (p.iso && isos.has(p.iso)) fail(`${path}.iso`, `${p.iso} is used by more than one province`);
    if (p.iso && p.code !== p.iso) fail(`${path}.code`, 'must be the ISO code where the province has one');
    if (p.iso && !p.iso.startsWith(`${set.country}-`)) fail(`${path}.iso`, `must start with ${set.country}-`);
    if (gsoCodes.has(p.gsoCode)) fail(`${path}.gsoCode`, `${p.gsoCode} is used by more than one province`);
    if (hasDistricts && p.districts.length === 0) fail(`${path}.districts`, 'must list the districts');
    if (!hasDistricts && p.districts.length > 0)
      fail(`${path}.districts`, 'must be empty: the set has no district level');
    if (set.predecessor !== undefined && p.formedFrom === undefined)
      fail(`${path}.formedFrom`, `must list the ${set.predecessor} units it was formed from`);
    p.districts.forEach((d, j) => {
      if (districtCodes.has(d.code))
        fail(`${path}.districts[${j}].code`, `${d.code} is used by more than one district`);
    });
  });
  const sum = set.provinces.reduce((s, p) => s + p.population, 0);
  if (sum !== set.populationTotal)
    fail('$.populationTotal', `is ${set.populationTotal}, but the provinces add up to ${sum}`);
  return problems;
}

/**
 * Problems between a set and the one it replaced: every predecessor unit goes into exactly one unit
 * of the successor, nothing unknown is listed, and each unit's population is the sum of its parts.
 */
export function successionProblems(previous: AreaSet, next: AreaSet): AreaProblem[] {
  const problems: AreaProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (next.predecessor !== previous.id) fail('$.predecessor', `must be ${previous.id}`);
  const before = new Map(previous.provinces.map((p) => [p.code, p]));
  const placed = new Map<string, string>();
  next.provinces.forEach((p, i) => {
    let sum = 0;
    (p.formedFrom ?? []).forEach((code, j) => {
      const part = before.get(code);
      if (!part) {
        fail(`$.provinces[${i}].formedFrom[${j}]`, `${code} is not a unit of ${previous.id}`);
        return;
      }
      const other = placed.get(code);
      if (other) fail(`$.provinces[${i}].formedFrom[${j}]`, `${code} is already part of ${other}`);
      placed.set(code, p.code);
      sum += part.population;
    });
    if (sum !== p.population)
      fail(`$.provinces[${i}].population`, `is ${p.population}, but its parts add up to ${sum}`);
  });
  for (const code of before.keys())
    if (!placed.has(code)) fail('$.provinces', `no unit is formed from ${code} of ${previous.id}`);
  return problems;
}
