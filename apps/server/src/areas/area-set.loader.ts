import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consistencyProblems, successionProblems } from './area-set.consistency.js';
import { shapeProblems } from './area-set.shape.js';
import type { AreaProblem, AreaSet } from './area-set.types.js';

/** apps/server/data/areas (the same depth from src/areas and dist/areas). */
export const AREA_DATA_DIR = fileURLToPath(new URL('../../data/areas/', import.meta.url));

/** A data file that cannot be used; `problems` lists every one found, each with its JSON path. */
export class AreaDataError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly AreaProblem[],
  ) {
    super(
      `${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.name = 'AreaDataError';
  }
}

/** Checks a parsed data file; `fileId` is the name it was read from (its `id` must match). */
export function parseAreaSet(value: unknown, fileId?: string, file = fileId ?? 'area set'): AreaSet {
  const shape = shapeProblems(value);
  if (shape.length > 0) throw new AreaDataError(file, shape);
  const set = value as AreaSet;
  const problems = consistencyProblems(set, fileId);
  if (problems.length > 0) throw new AreaDataError(file, problems);
  return set;
}

/** Reads and checks one data file, e.g. `readAreaSetFile(join(AREA_DATA_DIR, 'vn-2020.json'))`. */
export function readAreaSetFile(path: string): AreaSet {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AreaDataError(path, [
      { path: '$', message: `is not readable JSON: ${(error as Error).message}` },
    ]);
  }
  return parseAreaSet(value, basename(path, '.json'), path);
}

/** A set and, when it names one, the set it replaced, checked against each other. */
export function readAreaSetWithPredecessor(id: string, dir = AREA_DATA_DIR): AreaSet {
  const set = readAreaSetFile(join(dir, `${id}.json`));
  if (set.predecessor !== undefined) {
    const previous = readAreaSetFile(join(dir, `${set.predecessor}.json`));
    const problems = successionProblems(previous, set);
    if (problems.length > 0) throw new AreaDataError(join(dir, `${id}.json`), problems);
  }
  return set;
}

const cache = new Map<string, AreaSet>();

/** The checked set `id` from apps/server/data/areas, read once per process. */
export function areaSet(id: string): AreaSet {
  let set = cache.get(id);
  if (!set) {
    set = readAreaSetWithPredecessor(id);
    cache.set(id, set);
  }
  return set;
}
