import { MAX_VISITED_PROVINCES } from '@bluezone/api';
import { requireProvince } from '../areas/area-codes.js';
import { AppError } from '../errors/app-error.js';

/**
 * The provinces whose export sets get a publish's keys (docs/decisions/0012): the case's home
 * province from the certificate and the provinces the request says the person was in, each checked
 * against the configured area set, once each, sorted. An unknown code (400 `unknown_province`) or more
 * than 10 declared (400 `too_many_provinces`) refuses the whole request before anything is stored.
 */
export function keyProvinces(home: string | undefined, visited: readonly string[] | undefined): string[] {
  if (visited !== undefined && visited.length > MAX_VISITED_PROVINCES)
    throw new AppError(
      'too_many_provinces',
      `visitedProvinces names ${visited.length} provinces; at most 10.`,
    );
  const codes = new Set<string>(home === undefined ? [] : [home]);
  for (const code of visited ?? []) codes.add(requireProvince(code).code);
  return [...codes].sort();
}
