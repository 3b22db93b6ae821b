import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone } from '../../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const add = (...args: string[]) => runBluezone('admin', 'user', 'add', '--data-dir', dir, ...args);

describe('bluezone admin user add', () => {
  it('creates console accounts', async () => {
    const national = await add(
      '--username',
      'admin',
      '--password',
      'first admin password',
      '--role',
      'national',
      '--json',
    );
    expect(national.code).toBe(0);
    expect(JSON.parse(national.stdout)).toMatchObject({
      username: 'admin',
      role: 'national',
      province: null,
    });
    const officer = await add(
      '--username',
      'thai.binh',
      '--password',
      'province password',
      '--role',
      'province',
      '--province',
      'VN-20',
    );
    expect(officer.code).toBe(0);
    expect(officer.stdout).toBe('console user thai.binh created: province of VN-20\n');
  });

  it('reports bad input on one line with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--username', 'x1', '--password', 'long enough pw', '--role', 'analyst'],
        /username has 3-64 characters/,
      ],
      [['--username', 'short', '--password', 'short', '--role', 'analyst'], /at least 10 characters/],
      [['--username', 'root', '--password', 'long enough pw', '--role', 'root'], /--role must be one of/],
      [['--username', 'prov', '--password', 'long enough pw', '--role', 'province'], /needs a province/],
      [
        [
          '--username',
          'yen.bai',
          '--password',
          'long enough pw',
          '--role',
          'caseworker',
          '--province',
          'Yen Bai',
        ],
        /is not a province of \/v1\/areas/,
      ],
      [['--username', 'admin', '--password', 'long enough pw', '--role', 'analyst'], /already exists/],
    ];
    for (const [args, message] of cases) {
      const run = await add(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
