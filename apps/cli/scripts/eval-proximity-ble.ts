// Writes the real measurements of data/ble/ as sightings CSVs, runs `bluezone eval proximity` on
// them and prints precision, recall and specificity of "close contact" against the true distance
// (≤ 2 m). Figures quoted in docs/proximity-rule.md ("bluezone eval proximity").
// Run: npx tsx apps/cli/scripts/eval-proximity-ble.ts [--config PRESET] [--out DIR]

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../src/main.js';
import {
  type BleSightings,
  heraldSightings,
  PCNG_SETS,
  pcngSightings,
} from '../src/testing/ble-sightings.js';
import { percent, type ScoredPair, scoreProximity } from '../src/testing/proximity-score.js';

const { values } = parseArgs({
  options: { config: { type: 'string', default: 'bluezone' }, out: { type: 'string' } },
});
const out = values.out ?? mkdtempSync(join(tmpdir(), 'bluezone-ble-'));
mkdirSync(out, { recursive: true });

async function evaluate(name: string, data: BleSightings): Promise<ScoredPair[]> {
  const path = join(out, `${name}.csv`);
  writeFileSync(path, data.csv);
  let json = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    json += chunk;
    return true;
  }) as typeof process.stdout.write;
  const code = await main([
    'node',
    'bluezone',
    'eval',
    'proximity',
    '--sightings',
    path,
    '--config',
    values.config,
    '--json',
  ]);
  process.stdout.write = write;
  if (code !== 0) throw new Error(`bluezone eval proximity --sightings ${path} exited ${code}`);
  return (JSON.parse(json) as { pairs: ScoredPair[] }).pairs;
}

const row = (
  label: string,
  rows: number,
  pairs: readonly ScoredPair[],
  data: BleSightings,
  include?: (d: number) => boolean,
) => {
  const s = scoreProximity(pairs, data.distanceCm, 200, include);
  return `| ${label} | ${rows} | ${s.pairs} | ${s.truePositives + s.falseNegatives} | ${percent(s.precision)} | ${percent(s.recall)} | ${percent(s.specificity)} |`;
};

console.log(`configuration ${values.config}; CSVs in ${out}\n`);
console.log('| data | sightings | pair-days | ≤ 2 m | precision | recall | specificity |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [label, scans] of [
  ['pcng, 20 min (5 scans)', 5],
  ['pcng, 8 min (2 scans)', 2],
] as const) {
  const data = pcngSightings(scans);
  const pairs = await evaluate(`pcng-${scans}-scans`, data);
  console.log(row(label, data.rows, pairs, data));
  if (scans === 5) {
    for (const set of Object.keys(PCNG_SETS)) {
      const one = pcngSightings(scans, [set]);
      console.log(row(`  pcng ${set}`, one.rows, await evaluate(`pcng-${set}`, one), one));
    }
    console.log(row('  pcng, ≤ 1 m vs ≥ 4 m only', data.rows, pairs, data, (d) => d <= 100 || d >= 400));
  }
}
const herald = heraldSightings(['20210107-1123', '20210110-2247']);
console.log(row('herald 1123 + 2247 (real time)', herald.rows, await evaluate('herald', herald), herald));
