import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import vectors from '../../../../spec/cwa-checkin-vectors.json' with { type: 'json' };
import { runBluezone as bluezone } from '../testing/run-bluezone.js';

// Corona-Warn-App's vectors (sources in spec/cwa-checkin-vectors.json).
const dir = mkdtempSync(join(tmpdir(), 'bluezone-checkin-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const apple = vectors.payloads[2] as { payloadBase64url: string; locationIdHex: string; fields: object };
const appleUrl = `https://e.coronawarn.app?v=1#${apple.payloadBase64url}`;

describe('bluezone checkin inspect', () => {
  it("prints a CWA event URL's fields and location ID as JSON", async () => {
    const { code, stdout, stderr } = await bluezone('checkin', 'inspect', appleUrl, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual([
      'version',
      'description',
      'address',
      'startTimestamp',
      'endTimestamp',
      'locationType',
      'defaultCheckInLengthInMinutes',
      'cryptographicSeed',
      'publicKey',
      'locationId',
      'locationIdHash',
    ]);
    expect(out).toMatchObject({ version: 1, ...apple.fields, locationId: apple.locationIdHex });
    expect(out.locationIdHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(vectors.eventUrls)('reads $source', async ({ url, fields }) => {
    const out = JSON.parse((await bluezone('checkin', 'inspect', url, '--json')).stdout);
    expect(out).toMatchObject(fields);
  });

  it('reads our own URL on a host given with --host, and prints text without --json', async () => {
    const ours = appleUrl.replace('https://e.coronawarn.app?', 'https://qr.example.vn/c?');
    expect((await bluezone('checkin', 'inspect', ours)).code).toBe(2);
    const { code, stdout } = await bluezone('checkin', 'inspect', ours, '--host', 'qr.example.vn');
    expect(code).toBe(0);
    expect(stdout).toContain('Apple Computer, Inc.');
    expect(stdout).toContain('PERMANENT_FOOD_SERVICE (4)');
    expect(stdout).toContain(`location ID      ${apple.locationIdHex}`);
  });

  it.each([
    ['another host', appleUrl.replace('e.coronawarn.app', 'qr.notify-me.ch'), /checkin_foreign_host/],
    ['wrong version', appleUrl.replace('v=1', 'v=2'), /checkin_unsupported_version/],
    ['wrong protobuf', 'https://e.coronawarn.app?v=1#_____w', /checkin_malformed/],
    ['truncated payload', appleUrl.slice(0, 120), /checkin_malformed/],
    ['not a URL', 'hello', /checkin_invalid_url/],
  ])('refuses %s with exit 2 and one line', async (_name, url, message) => {
    const { code, stdout, stderr } = await bluezone('checkin', 'inspect', url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bluezone checkin match', () => {
  it.each(vectors.overlaps)('$description', async ({ checkIn, warning, overlapMinutes }) => {
    const args = ['--checkins', file('c.json', [checkIn]), '--warnings', file('w.json', [warning]), '--json'];
    const { code, stdout } = await bluezone('checkin', 'match', ...args);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(overlapMinutes === 0 ? [] : [{ checkIn, warning, overlapMinutes }]);
  });

  it('hashes location IDs itself, and accepts ISO 8601 times', async () => {
    const checkIns = [
      { locationId: apple.locationIdHex, checkInStart: '2021-03-04T09:30:00+01:00', checkInEnd: 1614849000 },
      { locationId: '00'.repeat(32), checkInStart: 1614846600, checkInEnd: 1614849000 },
    ];
    const inspect = JSON.parse((await bluezone('checkin', 'inspect', appleUrl, '--json')).stdout);
    const warnings = [
      {
        locationIdHash: inspect.locationIdHash,
        startIntervalNumber: 2691414,
        period: 6,
        transmissionRiskLevel: 8,
      },
    ];
    const args = ['--checkins', file('ci.json', checkIns), '--warnings', file('wi.json', warnings)];
    const json = JSON.parse((await bluezone('checkin', 'match', ...args, '--json')).stdout);
    expect(json).toEqual([{ checkIn: checkIns[0], warning: warnings[0], overlapMinutes: 10 }]);
    const text = (await bluezone('checkin', 'match', ...args)).stdout;
    expect(text).toContain('check-in 0 × warning 0  2021-03-04  10 min  (transmission risk 8)');
    expect(text).toContain('1 overlap of 2 check-ins with 1 warnings');
  });

  it("takes CWA's early endIntervalNumber for period, and a missing risk level as 1", async () => {
    const { checkIn, warning } = vectors.overlaps[6] as (typeof vectors.overlaps)[number];
    const early = {
      locationIdHash: warning.locationIdHash,
      startIntervalNumber: warning.startIntervalNumber,
      endIntervalNumber: warning.startIntervalNumber + 6,
    };
    const args = ['--checkins', file('ce.json', [checkIn]), '--warnings', file('we.json', [early])];
    expect(JSON.parse((await bluezone('checkin', 'match', ...args, '--json')).stdout)).toEqual([
      { checkIn, warning: early, overlapMinutes: 12 },
    ]);
    expect((await bluezone('checkin', 'match', ...args)).stdout).toContain('(transmission risk 1)');
  });

  const ok = { locationIdHash: 'ab'.repeat(32), startIntervalNumber: 1, period: 6, transmissionRiskLevel: 8 };
  const okCheckIn = { locationId: 'ab'.repeat(32), checkInStart: 600, checkInEnd: 1200 };
  it.each([
    ['missing --checkins', ['--warnings', 'w.json'], /--checkins is required/],
    ['a file that does not exist', ['--checkins', '/nonexistent.json', '--warnings', '/x'], /cannot read/],
    ['invalid JSON', ['--checkins', 'bad.json', '--warnings', 'ok-w.json'], /is not valid JSON/],
    [
      'not an array',
      ['--checkins', 'obj.json', '--warnings', 'ok-w.json'],
      /expected a JSON array of check-ins/,
    ],
    [
      'a short location ID',
      ['--checkins', 'short.json', '--warnings', 'ok-w.json'],
      /check-in 0 "locationId" must be 32 bytes/,
    ],
    [
      'end before start',
      ['--checkins', 'back.json', '--warnings', 'ok-w.json'],
      /"checkInEnd" \(500\) is before/,
    ],
    [
      'period 0',
      ['--checkins', 'ok-c.json', '--warnings', 'p0.json'],
      /warning 0 "period" must be an integer from 1 to 144/,
    ],
    [
      'a text hour',
      ['--checkins', 'ok-c.json', '--warnings', 'hour.json'],
      /"startIntervalNumber" must be an integer/,
    ],
  ])('refuses %s with exit 2 and one line', async (_name, args, message) => {
    file('bad.json', '[{');
    file('obj.json', { checkIns: [] });
    file('short.json', [{ ...okCheckIn, locationId: 'ab' }]);
    file('back.json', [{ ...okCheckIn, checkInEnd: 500 }]);
    file('ok-c.json', [okCheckIn]);
    file('ok-w.json', [ok]);
    file('p0.json', [{ ...ok, period: 0 }]);
    file('hour.json', [{ ...ok, startIntervalNumber: '1' }]);
    const paths = args.map((a) => (a.endsWith('.json') && !a.startsWith('/') ? join(dir, a) : a));
    const { code, stdout, stderr } = await bluezone('checkin', 'match', ...paths);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
