import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linksNamed, pathsNamed, staleReferences, wrongDefaults } from './docs-references.js';

const scratch = mkdtempSync(join(tmpdir(), 'docs-references-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tree = (files: Record<string, string>) => {
  const root = mkdtempSync(join(scratch, 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

describe('names a page uses', () => {
  it('reads backticked paths and relative links, not commands, routes, globs or placeholders', () => {
    const text = [
      '`apps/server/src/a.ts:12` `publish/b.ts` `docs/` `GET /v1/x` `/console/api/users` `*.ts`',
      '`apps/<id>.json` `npm test` `a/b` `@bluezone/api` `--port` [c](c.md#part) [d](https://x.org/d.md) [e](#f)',
    ].join('\n');
    expect(pathsNamed(text)).toEqual(['apps/server/src/a.ts', 'publish/b.ts', 'docs/']);
    expect(linksNamed(text)).toEqual(['c.md']);
  });
});

describe('defaults written beside a setting', () => {
  it('agree with the configuration in any unit the pages use, else are named', () => {
    const defaults = new Map([
      ['BLUEZONE_LEASE', 15 * 60_000],
      ['BLUEZONE_PADDING', 1000],
    ]);
    const right =
      '`BLUEZONE_LEASE` (15 min), `BLUEZONE_LEASE` (default **`15m`**), `BLUEZONE_PADDING` (1,000)';
    expect(wrongDefaults(right, defaults)).toEqual([]);
    expect(
      wrongDefaults('`BLUEZONE_LEASE`\n  (1 h) and `BLUEZONE_PADDING` (default 100, at most)', defaults),
    ).toEqual(['`BLUEZONE_LEASE` (1 h)', '`BLUEZONE_PADDING` (default 100)']);
  });
});

describe('stale references', () => {
  it('finds a missing full path, shorthand path, link, BLUEZONE_* variable and cited page; passes the existing ones', () => {
    const root = tree({
      'apps/server/src/publish/publish.service.ts':
        "process.env.BLUEZONE_PORT ?? '' // docs/api.md, docs/gone.md",
      'docs/api.md': [
        '`apps/server/src/publish/publish.service.ts` `publish/publish.service.ts` [ops](ops.md)',
        '`apps/server/src/publish/gone.ts` `export/gone.ts` [gone](gone.md) BLUEZONE_PORT BLUEZONE_GONE',
      ].join('\n'),
      'docs/ops.md': '`apps/server/` `../README.md`',
      'README.md': '',
      'data/set/README.md': '[archive](archive.zip) — a data set describes its own files',
    });
    expect(staleReferences(root)).toEqual([
      { page: 'apps/server/src/publish/publish.service.ts', kind: 'cited page', name: 'docs/gone.md' },
      { page: 'docs/api.md', kind: 'link', name: 'gone.md' },
      { page: 'docs/api.md', kind: 'path', name: 'apps/server/src/publish/gone.ts' },
      { page: 'docs/api.md', kind: 'path', name: 'export/gone.ts' },
      { page: 'docs/api.md', kind: 'variable', name: 'BLUEZONE_GONE' },
    ]);
  });

  it('none in this repository: every page names files, links and settings that exist', () => {
    expect(staleReferences(resolve(import.meta.dirname, '..'))).toEqual([]);
  });
});
