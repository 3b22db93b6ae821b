import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-sim-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small, busy district: many infections and phones, so that codes, uploads, exports and F1/F2
// warnings all happen within a week.
const ARGS = [
  'sim',
  '--people',
  '500',
  '--days',
  '7',
  '--adoption',
  '0.6',
  '--infections',
  '40',
  '--sample',
  '12',
];

describe('bluezone sim', () => {
  it('runs the district against the real server and reports what the issue asks for', async () => {
    const report = join(dir, 'report.json');
    const run = await runBluezone(...ARGS, '--seed', '7', '--json', '--report', report, '--no-progress');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual(json);
    for (const field of [
      'people',
      'days',
      'adoption',
      'trueCloseContacts',
      'visibleCloseContacts',
      'warnings',
      'precision',
      'recall',
      'medianHoursToWarning',
      'keysPublished',
      'bytesDownloadedPerPhone',
      'wallSeconds',
    ])
      expect(json).toHaveProperty(field);
    // --adoption is the share of people: 60 % of 500.
    expect(json).toMatchObject({ people: 500, days: 7, adoption: 0.6, appUsers: 300 });
    expect(json.visibleCloseContacts).toBeLessThan(json.trueCloseContacts);
    expect(json.codes.confirmed).toBeGreaterThan(0);
    expect(json.uploads.confirmed).toBe(json.codes.confirmed);
    expect(json.keysPublished).toBeGreaterThan(0);
    expect(json.warnings.F1).toBeGreaterThan(0);
    expect(json.bytesDownloadedPerPhone).toBeGreaterThan(1000);
    // The shared matcher gives every phone of the sample the warning its own runtime computes.
    expect(json.fullRuntimeSample.warned).toBeGreaterThan(0);
    expect(json.fullRuntimeSample.agree).toBe(json.fullRuntimeSample.phones);
    // Same seed, same run. Only the server's own randomness differs: the random padding keys of
    // each export file (so the bytes downloaded vary a little) and the wall time.
    const again = await runBluezone(...ARGS, '--seed', '7', '--json', '--no-progress');
    const { wallSeconds: _a, phaseSeconds: _c, bytesDownloadedPerPhone: bytes1, ...first } = json;
    const {
      wallSeconds: _b,
      phaseSeconds: _d,
      bytesDownloadedPerPhone: bytes2,
      ...second
    } = JSON.parse(again.stdout);
    expect(second).toEqual(first);
    expect(Math.abs(bytes2 - bytes1) / bytes1).toBeLessThan(0.1);
  }, 900_000);

  it('refuses bad options with one line and exit 2', async () => {
    for (const args of [
      ['--adoption', '1.5'],
      ['--people', '-3'],
      ['--days', 'x'],
    ]) {
      const run = await runBluezone('sim', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
