import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import vectors from '../../../../spec/gaen-vectors.json' with { type: 'json' };
import { runBluezone } from '../testing/run-bluezone.js';

const tekVector = vectors.tek;
const hmacKey = Buffer.from(vectors.tekmac.hmacKeyHex, 'hex').toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'bluezone-keys-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const bluezone = runBluezone;

afterEach(() => {
  process.exitCode = undefined;
});

const DERIVE = ['keys', 'derive', '--tek', tekVector.tek, '--interval', String(tekVector.keyInterval)];

describe('bluezone keys derive', () => {
  it('prints the published RPIs and AEMs of the GAEN test vector', async () => {
    const { code, stdout, stderr } = await bluezone(...DERIVE, '--metadata', tekVector.metadata);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`RPIK  ${tekVector.rpik}`);
    expect(stdout).toContain(`AEMK  ${tekVector.aemk}`);
    for (const { interval, rpi, aem } of tekVector.rpi) {
      expect(stdout).toMatch(new RegExp(`^${interval} .* ${rpi}  ${aem}$`, 'm'));
    }
    expect(stdout).toContain('2020-04-02T00:00Z');
    expect(stdout.trim().split('\n')).toHaveLength(5 + 144); // RPIK, AEMK, metadata, blank line, column titles
  });

  it('prints JSON, with AEMs only when metadata is given', async () => {
    const withAem = JSON.parse(
      (await bluezone(...DERIVE, '--metadata', tekVector.metadata, '--json')).stdout,
    );
    expect(withAem.rpik).toBe(tekVector.rpik);
    expect(withAem.aemk).toBe(tekVector.aemk);
    expect(withAem.identifiers).toHaveLength(144);
    for (const { i, interval, rpi, aem } of tekVector.rpi) {
      expect(withAem.identifiers[i]).toEqual({ interval, rpi, aem });
    }
    const plain = JSON.parse((await bluezone(...DERIVE, '--count', '2', '--json')).stdout);
    expect(plain.identifiers).toEqual(
      tekVector.rpi.slice(0, 2).map(({ interval, rpi }) => ({ interval, rpi })),
    );
  });

  it.each([
    [['--interval', '1'], /--tek is required/],
    [['--tek', tekVector.tek], /--interval is required/],
    [['--tek', 'zz', '--interval', '1'], /--tek must be hexadecimal/],
    [
      ['--tek', tekVector.tek.slice(2), '--interval', '1'],
      /--tek must be 16 bytes \(32 hex digits\), not 15/,
    ],
    [['--tek', tekVector.tek, '--interval', '-1'], /--interval must be an integer from 0 to 4294967295/],
    [['--tek', tekVector.tek, '--interval', '4294967296'], /--interval must be an integer/],
    [['--tek', tekVector.tek, '--interval', '1e3'], /--interval must be an integer/],
    [['--tek', tekVector.tek, '--interval', '4294967295', '--count', '2'], /runs past the last interval/],
    [['--tek', tekVector.tek, '--interval', '1', '--count', '0'], /--count must be an integer from 1 to 144/],
    [
      ['--tek', tekVector.tek, '--interval', '1', '--count', '145'],
      /--count must be an integer from 1 to 144/,
    ],
    [['--tek', tekVector.tek, '--interval', '1', '--metadata', '4008'], /--metadata must be 4 bytes/],
  ])('rejects %j with exit 2 and one line', async (args, message) => {
    const { code, stdout, stderr } = await bluezone('keys', 'derive', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bluezone keys tekmac', () => {
  it.each(vectors.tekmac.cases.map((c, i) => [i, c] as const))('reproduces vector %i', async (_, c) => {
    for (const keys of [
      file(`bare-${_}.json`, c.keys),
      file(`publish-${_}.json`, { temporaryExposureKeys: c.keys }),
    ]) {
      const human = await bluezone('keys', 'tekmac', '--hmac-key', hmacKey, '--keys', keys);
      expect(human.code).toBe(0);
      expect(human.stdout).toContain(`tekmac     ${c.tekmac}`);
      expect(human.stdout).toContain(`cleartext  ${c.cleartext}`);
      const json = JSON.parse(
        (await bluezone('keys', 'tekmac', '--hmac-key', hmacKey, '--keys', keys, '--json')).stdout,
      );
      const alt = 'altTekmac' in c ? { tekmacWithoutTransmissionRisk: c.altTekmac } : {};
      expect(json).toEqual({ tekmac: c.tekmac, cleartext: c.cleartext, ...alt });
    }
  });

  const good = file('good.json', vectors.tekmac.cases[0]?.keys);
  it.each([
    [['--keys', good], /--hmac-key is required/],
    [['--hmac-key', hmacKey], /--keys is required/],
    [['--hmac-key', 'AQID', '--keys', good], /at least 16 bytes, not 3/],
    [['--hmac-key', 'not base64', '--keys', good], /--hmac-key must be standard base64/],
    [['--hmac-key', hmacKey, '--keys', join(dir, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
    [['--hmac-key', hmacKey, '--keys', file('broken.json', '[{')], /broken\.json is not valid JSON/],
    [['--hmac-key', hmacKey, '--keys', file('empty.json', [])], /expected a non-empty array of keys/],
    [['--hmac-key', hmacKey, '--keys', file('object.json', { keys: [] })], /expected a non-empty array/],
    [
      ['--hmac-key', hmacKey, '--keys', file('nokey.json', [{ rollingStartNumber: 1 }])],
      /key 0 has no valid "key"/,
    ],
    [
      [
        '--hmac-key',
        hmacKey,
        '--keys',
        file('period.json', [{ key: 'AAAA', rollingStartNumber: 1, rollingPeriod: '144' }]),
      ],
      /key 0 has no valid "rollingPeriod" \("144"\)/,
    ],
  ])('rejects %j with exit 2 and one line', async (args, message) => {
    const { code, stdout, stderr } = await bluezone('keys', 'tekmac', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the bluezone executable', () => {
  it('exits 0 with the vector and 2 on bad input, as a real process', () => {
    const bin = new URL('../../bin/bluezone.mjs', import.meta.url).pathname;
    const out = execFileSync(
      process.execPath,
      [bin, ...DERIVE, '--count', '1', '--metadata', tekVector.metadata],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toContain(`${tekVector.rpi[0]?.rpi}  ${tekVector.rpi[0]?.aem}`);
    try {
      execFileSync(process.execPath, [bin, 'keys', 'derive', '--tek', 'xx'], { stdio: 'pipe' });
      expect.unreachable();
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      expect(e.status).toBe(2);
      expect(e.stderr.toString()).toBe('bluezone: --tek must be hexadecimal bytes, not "xx"\n');
    }
  });
});
