#!/usr/bin/env node
// Regenerates every committed generated file. With --check, fails if the result differs from
// what is committed (CI runs this, so generated code can never drift from its source).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

// Each generator is a script in scripts/generators/ that rewrites its outputs in place and
// prints the paths it owns, one per line.
const dir = join(root, 'scripts', 'generators');
const generators = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();
const owned = [];
for (const file of generators) {
  const out = execFileSync(process.execPath, [join(dir, file)], { cwd: root, encoding: 'utf8' });
  owned.push(...out.split('\n').filter(Boolean));
  console.log(`generated: ${file}`);
}
if (check && owned.length > 0) {
  const status = execFileSync('git', ['status', '--porcelain', '--', ...owned], {
    cwd: root,
    encoding: 'utf8',
  });
  if (status.trim() !== '') {
    console.error(`generated files are out of date; run npm run generate and commit:\n${status}`);
    process.exit(1);
  }
  console.log(`generated files up to date (${owned.length} paths)`);
}
