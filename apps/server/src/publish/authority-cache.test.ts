import { describe, expect, it } from 'vitest';
import type { HealthAuthority } from '../repositories/authority.repository.js';
import { AUTHORITY_CACHE_MS, createAuthorityCache } from './authority-cache.js';

const ID = '7d4c2a1e-1111-4222-8333-944455556666';

describe('authority cache', () => {
  it('keeps a known authority for a minute, by id and by region, and never caches an unknown name', async () => {
    const known: HealthAuthority = { id: ID, region: 'VN', name: 'Bộ Y tế', createdAt: new Date(0) };
    let authority: HealthAuthority | undefined;
    const lookups: string[] = [];
    let time = 0;
    const named = createAuthorityCache(
      {
        findById: async (id) => {
          lookups.push(`id ${id}`);
          return authority?.id === id ? authority : undefined;
        },
        findByRegion: async (region) => {
          lookups.push(`region ${region}`);
          return authority?.region === region ? authority : undefined;
        },
      },
      () => time,
    );
    expect(await named('VN')).toBeUndefined();
    authority = known;
    expect(await named('VN')).toBe(known);
    expect(await named(ID)).toBe(known);
    time += AUTHORITY_CACHE_MS - 1;
    expect(await named('VN')).toBe(known);
    expect(await named(ID)).toBe(known);
    expect(lookups).toEqual(['region VN', 'region VN', `id ${ID}`]);
    authority = undefined;
    time += 1;
    expect(await named('VN')).toBeUndefined();
    expect(await named('VN')).toBeUndefined();
    expect(lookups).toHaveLength(5);
  });
});
