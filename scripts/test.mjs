#!/usr/bin/env node
// `npm test`: type-check, lint, check generated code and the server's folder layers, then every Vitest
// suite. Lists the ten slowest test files, then ends with one line `N passed, N failed, N skipped`
// that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatSlowest, slowestTestFiles } from './slowest-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n== ${label}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
};

const steps = [
  ['type-check (tsc -b)', bin('tsc'), ['-b']],
  ['type-check tests', bin('tsc'), ['-p', 'tsconfig.test.json']],
  ['lint and format (biome)', bin('biome'), ['check', '.']],
  ['generated code is up to date', process.execPath, [join(root, 'scripts', 'generate.mjs'), '--check']],
  [
    'server folders import downhill only',
    bin('tsx'),
    [join(root, 'scripts', 'folder-cycles.ts'), 'apps/server/src'],
  ],
];
let ok = true;
for (const [label, cmd, args] of steps) ok = run(label, cmd, args) && ok;

const report = join(root, '.vitest-report.json');
rmSync(report, { force: true });
const extra = process.argv.slice(2);
ok =
  run('tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]) && ok;

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
  const slowest = formatSlowest(slowestTestFiles(r, root));
  if (slowest.length > 0) console.log(`\n${slowest.join('\n')}`);
} else {
  failed = 1;
}
if (!ok && failed === 0) failed = 1; // a failed type-check, lint or generation step counts
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
