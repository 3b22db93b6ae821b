import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone as bluezone } from '../../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-export-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bluezone export run and rotate-key', () => {
  it('writes a signed batch and the index into the data directory, then has nothing left to do', async () => {
    expect((await bluezone('admin', 'init', '--data-dir', dir, '--region', 'VN', '--json')).code).toBe(0);
    const first = await bluezone('export', 'run', '--data-dir', dir, '--json');
    expect(first.code).toBe(0);
    // The national set and one set per province of the area set (63), each with its first file.
    expect(JSON.parse(first.stdout)).toEqual({ planned: 64, batches: 64, files: 64, keys: 0 });
    const index = readFileSync(join(dir, 'exports', 'VN', 'index.txt'), 'utf8');
    expect(index).toMatch(/^VN\/\d+-\d+-00001\.zip$/);
    const province = readFileSync(join(dir, 'exports', 'VN-20', 'index.txt'), 'utf8');
    expect(province).toMatch(/^VN-20\/\d+-\d+-00001\.zip$/);
    const zip = readFileSync(join(dir, 'exports', index));
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const again = await bluezone('export', 'run', '--data-dir', dir);
    expect(again.stdout).toContain('0 batch(es) written');
  });

  it('rotates the export signing key to a new version', async () => {
    const rotated = await bluezone('export', 'rotate-key', '--data-dir', dir, '--region', 'VN', '--json');
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ keyId: 'VN', keyVersion: 'v2' });
    const unknown = await bluezone('export', 'rotate-key', '--data-dir', dir, '--region', 'XX');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no health authority/);
  });
});
