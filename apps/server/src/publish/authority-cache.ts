import type { AuthorityRepository, HealthAuthority } from '../repositories/authority.repository.js';

/**
 * How long publish trusts a health authority it looked up. Authorities are created by `bluezone
 * admin init` and never change region, name or id afterwards (there is no rename or delete), so the
 * only effect of the cache is that publish skips one query per request; 60 s bounds how long a
 * (hypothetical) change made directly in the database would go unnoticed by a running server.
 */
export const AUTHORITY_CACHE_MS = 60_000;

/** Bounds the cache: ids and regions that name a known authority (unknown ones are never cached). */
const MAX_ENTRIES = 1_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The health authority a publish names (`healthAuthorityID`: its id or its region code), from
 * memory for `AUTHORITY_CACHE_MS` after it was read; an unknown name is looked up every time (so an
 * authority created a moment ago is found at once).
 */
export function createAuthorityCache(
  authorities: Pick<AuthorityRepository, 'findById' | 'findByRegion'>,
  now: () => number = Date.now,
) {
  const entries = new Map<string, { authority: HealthAuthority; until: number }>();
  return async function authorityNamed(name: string): Promise<HealthAuthority | undefined> {
    const t = now();
    const hit = entries.get(name);
    if (hit && hit.until > t) return hit.authority;
    const authority = UUID.test(name)
      ? await authorities.findById(name)
      : await authorities.findByRegion(name);
    if (hit) entries.delete(name);
    if (authority) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(name, { authority, until: t + AUTHORITY_CACHE_MS });
    }
    return authority;
  };
}
