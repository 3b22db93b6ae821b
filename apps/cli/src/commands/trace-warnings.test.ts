import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone as bluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-trace-warnings-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bluezone trace-warnings run', () => {
  it("writes the last hour's padded package and the index, then has nothing left to do", {
    timeout: 240_000,
  }, async () => {
    expect((await bluezone('admin', 'init', '--data-dir', dir, '--region', 'VN', '--json')).code).toBe(0);
    const first = await bluezone('trace-warnings', 'run', '--data-dir', dir, '--json');
    expect(first.code).toBe(0);
    // The national set's last hour, and each of the 63 provinces' last day (docs/decisions/0020).
    expect(JSON.parse(first.stdout)).toEqual({ planned: 64, packages: 64, warnings: 0 });
    const index = readFileSync(join(dir, 'exports', 'trace-warnings', 'VN', 'index.txt'), 'utf8');
    expect(index).toMatch(/^VN\/trace-warnings-\d+\.zip$/);
    expect(existsSync(join(dir, 'exports', 'trace-warnings', index))).toBe(true);
    const province = readFileSync(join(dir, 'exports', 'trace-warnings', 'VN-20', 'index.txt'), 'utf8');
    expect(province).toMatch(/^VN-20\/trace-warnings-\d+\.zip$/);
    expect(Number(province.split('-').at(-1)?.split('.')[0]) % 24).toBe(0);
    const again = await bluezone('trace-warnings', 'run', '--data-dir', dir);
    expect(again.stdout).toContain('0 package(s) written');
  });
});
