#!/usr/bin/env node
// Generates TypeScript for packages/protocol/proto/*.proto with buf + protoc-gen-es (both from
// node_modules; no network). Configuration: packages/protocol/buf.yaml and buf.gen.yaml.
// Prints the paths it owns, one per line (the contract of scripts/generate.mjs).
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'node_modules', '.bin');
const cwd = join(root, 'packages', 'protocol');

try {
  execFileSync(join(bin, 'buf'), ['generate'], {
    cwd,
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
} catch (error) {
  process.stderr.write(`protobuf: buf generate failed: ${error.stderr ?? error.message}\n`);
  process.exit(1);
}

// buf.gen.yaml sets `clean: true`, so the folder holds exactly what the schema produces.
console.log('packages/protocol/src/export/gen');
