import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runBluezone } from '../../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const bluezone = runBluezone;

describe('bluezone admin init', () => {
  it('provisions a region once, then shows it without its keys', async () => {
    const first = await bluezone('admin', 'init', '--data-dir', dir, '--region', 'VN', '--json');
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout);
    expect(created).toMatchObject({
      region: 'VN',
      created: true,
      exportSigning: { keyId: 'VN', keyVersion: 'v1' },
    });
    expect(created.adminApiKey).toMatch(/^bza_[A-Za-z0-9_-]{43}$/);
    expect(created.deviceApiKey).toMatch(/^bzd_[A-Za-z0-9_-]{43}$/);
    expect(created.exportSigning.publicKeyPem).toContain('BEGIN PUBLIC KEY');

    const again = await bluezone('admin', 'init', '--data-dir', dir, '--region', 'VN');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`health authority VN already exists (id ${created.healthAuthorityId})`);
    expect(again.stdout).toContain('stored hashed');
    expect(again.stdout).not.toContain(created.deviceApiKey);
    expect(again.stdout).not.toContain(created.adminApiKey);
    expect(again.stdout).toContain(created.exportSigning.publicKeyPem.trim());
  });

  it('reports bad input on one line with exit code 2', async () => {
    const bad = await bluezone('admin', 'init', '--data-dir', dir, '--region', 'Vietnam');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--region must be an ISO 3166 code/);
  });
});
