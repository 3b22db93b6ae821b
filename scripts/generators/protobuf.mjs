#!/usr/bin/env node
// Generates TypeScript for packages/protocol/proto/*.proto with buf + protoc-gen-es (both from
// node_modules; no network). Configuration: packages/protocol/buf.yaml, and one template per schema
// (each writes its own folder): buf.gen.yaml (export files), buf.gen.checkin.yaml (venue check-in).
// Prints the paths it owns, one per line (the contract of scripts/generate.mjs).
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'node_modules', '.bin');
const cwd = join(root, 'packages', 'protocol');

const schemas = [
  { proto: 'proto/export.proto', template: 'buf.gen.yaml', out: 'packages/protocol/src/export/gen' },
  {
    proto: 'proto/checkin.proto',
    template: 'buf.gen.checkin.yaml',
    out: 'packages/protocol/src/checkin/gen',
  },
];

for (const { proto, template } of schemas) {
  try {
    execFileSync(join(bin, 'buf'), ['generate', '--template', template, '--path', proto], {
      cwd,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    process.stderr.write(`protobuf: buf generate (${proto}) failed: ${error.stderr ?? error.message}\n`);
    process.exit(1);
  }
}

// Every template sets `clean: true`, so each folder holds exactly what its schema produces.
for (const { out } of schemas) console.log(out);
