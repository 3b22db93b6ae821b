import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-eval-'));
let files = 0;
const file = (content: string | Uint8Array, ext = 'csv') => {
  files += 1;
  const path = join(dir, `f${files}.${ext}`);
  writeFileSync(path, content);
  return path;
};

const HEADER = 'receiver,receiver_model,transmitter,transmitter_model,timestamp,rssi,tx_power';
const NOON = Date.UTC(2021, 5, 1, 12) / 1000; // 2021-06-01T12:00Z
/** `scans` scans of `receiver` hearing `transmitter` every 240 s from `start`. */
const heard = (
  receiver: string,
  model: string,
  transmitter: string,
  start: number,
  scans: number,
  rssi: number,
) =>
  Array.from(
    { length: scans },
    (_, k) => `${receiver},${model},${transmitter},Pixel 3,${start + 240 * k},${rssi},-33`,
  );
const csv = (...rows: string[]) => file([HEADER, ...rows].join('\n'));

const proximity = (...args: string[]) => runBluezone('eval', 'proximity', ...args);
const pairsOf = async (...args: string[]) => {
  const run = await proximity(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).pairs;
};

describe('bluezone eval proximity', () => {
  // Pixel 2 receives with +2 dB: attenuation = −33 − (rssi + 2). rssi −95 → 60 dB (weight 1 in
  // bluezone), −100 → 65 (still < 66), −105 → 70 (weight 0). The first scan counts 300 s.
  it('weighs GAEN scan instances and classifies each pair-day (hand-computed)', async () => {
    const pairs = await pairsOf(
      '--sightings',
      csv(
        ...heard('alice', 'Pixel 2', 'bob', NOON, 5, -95), // 300 + 4 × 240 s = 21 min
        ...heard('alice', 'Pixel 2', 'carol', NOON + 2, 5, -105), // 70 dB: 0 min
        ...heard('alice', 'Pixel 2', 'bob', NOON + 86_400, 3, -100), // next day: 300 + 2 × 240 = 13 min
      ),
    );
    expect(pairs).toEqual([
      expect.objectContaining({
        receiver: 'alice',
        transmitter: 'bob',
        day: '2021-06-01',
        closeContact: true,
        weightedMinutes: 21,
        windows: 1,
        scanInstances: 5,
        sightings: 5,
      }),
      expect.objectContaining({
        receiver: 'alice',
        transmitter: 'bob',
        day: '2021-06-02',
        closeContact: false,
        weightedMinutes: 13,
        riskLevel: 'low',
      }),
      expect.objectContaining({
        receiver: 'alice',
        transmitter: 'carol',
        day: '2021-06-01',
        closeContact: false,
        weightedMinutes: 0,
      }),
    ]);
  });

  it('cuts windows at 30 minutes, days at UTC midnight, and uses the receiver model’s correction', async () => {
    const midnight = Date.UTC(2021, 5, 2) / 1000;
    const pairs = await pairsOf(
      '--sightings',
      csv(
        ...heard('dan', 'Pixel 2', 'erin', midnight - 480, 10, -95), // 2 scans before midnight, 8 after
        // rssi −101: the fallback (+3 dB) gives 65 dB (near), Pixel 2 (+2 dB) 66 dB (the farther bucket)
        ...heard('fay', 'unknown phone', 'erin', NOON, 5, -101),
        ...heard('gus', 'Pixel 2', 'erin', NOON, 5, -101),
      ),
    );
    expect(
      pairs.map((p: { day: string; windows: number; weightedMinutes: number }) => [
        p.day,
        p.windows,
        p.weightedMinutes,
      ]),
    ).toEqual([
      // The window opened 8 min before midnight holds the 8 scans of its first 30 minutes and counts
      // on the day it opened (300 + 7 × 240 s); the last 2 scans open a window of the next day.
      ['2021-06-01', 1, 33],
      ['2021-06-02', 1, 8],
      ['2021-06-01', 1, 21],
      ['2021-06-01', 1, 0],
    ]);
  });

  it('--json: {pairs: [{receiver, transmitter, day, closeContact, weightedMinutes, …}]}', async () => {
    const run = await proximity('--sightings', csv(...heard('r', 'Pixel 2', 't', NOON, 2, -90)), '--json');
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['pairs']);
    expect(json.pairs).toHaveLength(1);
    const pair = json.pairs[0];
    expect(pair).toMatchObject({ receiver: 'r', transmitter: 't', day: '2021-06-01', closeContact: false });
    expect(typeof pair.weightedMinutes).toBe('number');
    expect(pair.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('human output: a table and the totals', async () => {
    const run = await proximity('--sightings', csv(...heard('alice', 'Pixel 2', 'bob', NOON, 5, -95)));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 pair-day from 5 sightings: 1 close contact (configuration bluezone');
    expect(run.stdout).toMatch(/alice\s+bob\s+2021-06-01\s+1\s+21\.0\s+yes/);
  });

  it('--config takes a preset or a risk configuration file (dp3t: 60 dB is beyond its 55 dB cut)', async () => {
    const path = csv(...heard('alice', 'Pixel 2', 'bob', NOON, 5, -95));
    expect((await pairsOf('--sightings', path, '--config', 'dp3t'))[0]).toMatchObject({
      closeContact: false,
      weightedMinutes: 0,
    });
    const { RISK_PRESETS } = await import('@bluezone/protocol');
    const own = file(
      JSON.stringify({ ...RISK_PRESETS.bluezone, name: 'mine', dayThresholdsMinutes: { low: 5, high: 25 } }),
      'json',
    );
    expect((await pairsOf('--sightings', path, '--config', own))[0]).toMatchObject({
      closeContact: false,
      weightedMinutes: 21,
    });
  });

  it('a file with only the header (and quoted, reordered, extra columns) gives zero pairs, exit 0', async () => {
    expect(await pairsOf('--sightings', file(`${HEADER}\n`))).toEqual([]);
    const reordered = file(
      `"tx_power",rssi,timestamp,note,transmitter_model,transmitter,receiver_model,receiver\r\n-33,-95,${NOON},"a, b",,"t",Pixel 2,r\r\n`,
    );
    expect(await pairsOf('--sightings', reordered)).toMatchObject([
      { receiver: 'r', transmitter: 't', weightedMinutes: 5 },
    ]);
  });
});

describe('bluezone eval proximity: bad input exits 2 with one line', () => {
  const fails = async (args: string[], message: string | RegExp) => {
    const run = await proximity(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  };
  const good = heard('r', 'Pixel 2', 't', NOON, 1, -90)[0] as string;

  it('no --sightings', () => fails([], '--sightings is required'));
  it('missing file', () => fails(['--sightings', join(dir, 'nope.csv')], /cannot read .*nope\.csv: ENOENT/));
  it('a directory', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    return fails(['--sightings', join(dir, 'sub')], /sub: not a file/);
  });
  it('empty file', () => fails(['--sightings', file('')], /the file is empty, no header line/));
  it('binary file', () =>
    fails(['--sightings', file(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 10]))], /not a UTF-8 text CSV/));
  it('unbalanced quotes', () =>
    fails(['--sightings', csv(good, 'r,"Pixel 2,t,x,1,2,3')], /row 2 \(line 3\) is not valid CSV/));
  it('a row with too few fields', () =>
    fails(['--sightings', csv(good, 'r,Pixel 2,t')], /row 2 \(line 3\) has 3 fields, the header has 7/));
  it('missing column', () =>
    fails(
      ['--sightings', file('receiver,receiver_model,transmitter,transmitter_model,timestamp,rssi\n')],
      /missing column tx_power/,
    ));
  it('bad number, with row and column', () =>
    fails(
      ['--sightings', csv(good, good, good.replace(',-90,', ',loud,'))],
      /row 3 \(line 4\), column rssi: "loud" is not a number/,
    ));
  it('bad timestamp', () =>
    fails(
      ['--sightings', csv(good.replace(`,${NOON},`, ',-5,'))],
      /row 1 \(line 2\), column timestamp: "-5"/,
    ));
  it('empty transmitter', () =>
    fails(['--sightings', csv(good.replace(',t,', ',,'))], /row 1 \(line 2\), column transmitter: empty/));
  it('unknown preset', () =>
    fails(
      ['--sightings', csv(good), '--config', 'who'],
      /"who" is neither a preset \(.*bluezone.*\) nor a file/,
    ));
  it('invalid configuration', () =>
    fails(
      ['--sightings', csv(good), '--config', file('{"name": "x", "attenuation": "loud"}', 'json')],
      /\.json: .*attenuation/,
    ));
  it('configuration that is not JSON', () =>
    fails(['--sightings', csv(good), '--config', file('{', 'json')], /is not valid JSON/));
});
