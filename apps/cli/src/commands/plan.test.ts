import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-plan-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = [
  'plan',
  '--people',
  '2000',
  '--days',
  '40',
  '--adoption',
  '0.5,0.9',
  '--seeds',
  '2',
  '--no-progress',
];

describe('bluezone plan', () => {
  it('reports every scenario against the no-app reference, the same for the same seed', async () => {
    const run = await runBluezone(...SMALL, '--depth', '2', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      people: 2000,
      days: 40,
      depth: 2,
      seeds: 2,
      preset: 'openabm',
      regime: 'baseline',
    });
    expect(json.scenarios.map((s: { adoption: number }) => s.adoption)).toEqual([0.5, 0.9]);
    for (const scenario of [json.reference, ...json.scenarios]) {
      for (const field of [
        'totalInfected',
        'peakDailyInfections',
        'peakDay',
        'quarantineEntries',
        'quarantinePersonDays',
        'mostInQuarantine',
      ])
        expect(scenario[field].min).toBeLessThanOrEqual(scenario[field].mean);
    }
    expect(json.scenarios[1].infectionCut.mean).toBeGreaterThan(0);
    const again = await runBluezone(...SMALL, '--depth', '2', '--json');
    expect(JSON.parse(again.stdout)).toEqual(json);
  }, 600_000);

  it('prints a Vietnamese and English report', async () => {
    const run = await runBluezone(...SMALL, '--preset', 'vietnam-2020', '--regime', 'near-threshold');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Tỷ lệ cài đặt \/ Adoption 50 %/);
    expect(run.stdout).toMatch(/giảm ca nhiễm \/ cut in infections/);
    expect(run.stdout).toMatch(/tracing depth 2/);
  }, 600_000);

  it('refuses bad options and bad parameter files with exit code 2 and one line', async () => {
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ infectiousRate: 3, speed: 2 }));
    const wrong = join(dir, 'wrong.json');
    writeFileSync(
      wrong,
      JSON.stringify({ relativeSusceptibility: [1, 2], traced: { f1: { compliance: 2 } } }),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    for (const args of [
      ['--adoption', '0.2,abc'],
      ['--adoption', '1.5'],
      ['--depth', '3'],
      ['--seeds', '0'],
      ['--preset', 'sweden'],
      ['--regime', 'fast'],
      ['--params', unknown],
      ['--params', wrong],
      ['--params', broken],
      ['--params', join(dir, 'missing.json')],
    ]) {
      const run = await runBluezone('plan', '--people', '500', '--days', '5', '--seeds', '1', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const run = await runBluezone('plan', '--people', '500', '--days', '5', '--params', unknown);
    expect(run.stderr).toMatch(/unknown parameter speed/);
  }, 600_000);

  it('applies a valid parameter file', async () => {
    const file = join(dir, 'slow.json');
    writeFileSync(file, JSON.stringify({ infectiousRate: 0, seedInfections: 3 }));
    const run = await runBluezone(
      'plan',
      '--people',
      '500',
      '--days',
      '20',
      '--adoption',
      '0.5',
      '--seeds',
      '1',
      '--params',
      file,
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).reference.totalInfected.mean).toBe(3);
  }, 600_000);
});
