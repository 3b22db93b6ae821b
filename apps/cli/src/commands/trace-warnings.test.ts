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
    expect(JSON.parse(first.stdout)).toEqual({ planned: 1, packages: 1, warnings: 0 });
    const index = readFileSync(join(dir, 'exports', 'trace-warnings', 'VN', 'index.txt'), 'utf8');
    expect(index).toMatch(/^VN\/trace-warnings-\d+\.zip$/);
    expect(existsSync(join(dir, 'exports', 'trace-warnings', index))).toBe(true);
    const again = await bluezone('trace-warnings', 'run', '--data-dir', dir);
    expect(again.stdout).toContain('0 package(s) written');
  });
});
