import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { withBuildLock } from './web-build.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bz-web-build-'));
  dirs.push(d);
  return d;
};

describe('web builds', () => {
  it('never run side by side for one app', async () => {
    const dir = tempDir();
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 50));
      running--;
      return 'built';
    };
    const results = await Promise.all([1, 2, 3].map(() => withBuildLock(dir, work)));
    expect(results).toEqual(['built', 'built', 'built']);
    expect(most).toBe(1);
  });

  it('takes over a lock left by a killed build', async () => {
    const dir = tempDir();
    const lock = join(dir, '.build-lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(lock, old, old);
    expect(await withBuildLock(dir, async () => 'built')).toBe('built');
  });
});
