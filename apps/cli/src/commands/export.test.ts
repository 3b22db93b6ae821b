import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportZip } from '@bluezone/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import example from '../../../../spec/gaen-export-example.json' with { type: 'json' };
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-export-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function pemPair(name: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKey: file(`${name}.pub.pem`, publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    pkcs8: file(`${name}.pkcs8.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    sec1: file(`${name}.sec1.pem`, privateKey.export({ type: 'sec1', format: 'pem' }).toString()),
  };
}

const bluezone = runBluezone;

afterEach(() => {
  process.exitCode = undefined;
});

const { inputs } = example;
const signer = pemPair('signer');
const stranger = pemPair('stranger');
const keysFile = file('keys.json', JSON.stringify(inputs.keys));
const exampleBin = file('example.bin', Buffer.from(example.exportBinHex, 'hex'));
const BUILD = [
  'export',
  'build',
  '--keys',
  keysFile,
  '--region',
  inputs.region,
  '--key-id',
  inputs.signatureInfo.verificationKeyId,
  '--key-version',
  inputs.signatureInfo.verificationKeyVersion,
  '--start-timestamp',
  String(inputs.startTimestamp),
  '--end-timestamp',
  String(inputs.endTimestamp),
];

describe('bluezone export build and inspect', () => {
  it('builds the spec inputs into a zip that verifies with the right key only', async () => {
    const zip = join(dir, 'out.zip');
    const built = await bluezone(...BUILD, '--private-key', signer.pkcs8, '-o', zip);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(built.stdout).toContain('2 keys');
    expect(readExportZip(readFileSync(zip)).exportBin).toEqual(
      new Uint8Array(Buffer.from(example.exportBinHex, 'hex')),
    );

    const good = await bluezone('export', 'inspect', zip, '--public-key', signer.publicKey, '--json');
    expect(good.code).toBe(0);
    const doc = JSON.parse(good.stdout);
    expect(Object.keys(doc)).toEqual(['header', 'signatureInfos', 'keys', 'revisedKeys', 'signatures']);
    expect(doc.header).toEqual({
      startTimestamp: inputs.startTimestamp,
      endTimestamp: inputs.endTimestamp,
      region: 'US',
      batchNum: 1,
      batchSize: 1,
    });
    expect(doc.signatureInfos).toEqual([inputs.signatureInfo]);
    expect(doc.keys[0]).toEqual({
      key: 'Fy/EgOWYSQw0F3YEM5sVQw==',
      rollingStartIntervalNumber: 2649980,
      rollingPeriod: 1,
      transmissionRiskLevel: 8,
      reportType: 'UNKNOWN',
      daysSinceOnsetOfSymptoms: null,
    });
    expect(doc.signatures).toEqual([{ keyId: 'some_id', keyVersion: '1', valid: true }]);

    const bad = await bluezone('export', 'inspect', zip, '--public-key', stranger.publicKey);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('INVALID');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const either = await bluezone(
      'export',
      'inspect',
      zip,
      '--public-key',
      stranger.publicKey,
      '--public-key',
      signer.publicKey,
    );
    expect(either.code).toBe(0);
  });

  it('builds with a SEC1 key, report types by name or number, and a batch position', async () => {
    const keys = file(
      'keys-typed.json',
      JSON.stringify({
        temporaryExposureKeys: inputs.keys.temporaryExposureKeys.map((k, i) => ({
          ...k,
          reportType: i === 0 ? 'CONFIRMED_TEST' : 4,
          daysSinceOnsetOfSymptoms: -2,
        })),
      }),
    );
    const zip = join(dir, 'typed.zip');
    const args = BUILD.map((a) => (a === keysFile ? keys : a));
    expect(
      (
        await bluezone(
          ...args,
          '--private-key',
          signer.sec1,
          '--batch-num',
          '2',
          '--batch-size',
          '3',
          '-o',
          zip,
        )
      ).code,
    ).toBe(0);
    const doc = JSON.parse((await bluezone('export', 'inspect', zip, '--json')).stdout);
    expect(doc.keys.map((k: { reportType: string }) => k.reportType)).toEqual([
      'CONFIRMED_TEST',
      'RECURSIVE',
    ]);
    expect(doc.keys[1].daysSinceOnsetOfSymptoms).toBe(-2);
    expect(doc.header).toMatchObject({ batchNum: 2, batchSize: 3 });
    expect(doc.signatures).toEqual([{ keyId: 'some_id', keyVersion: '1', valid: null }]);
  });

  it('inspects the bare export.bin of the spec example', async () => {
    const json = await bluezone('export', 'inspect', exampleBin, '--json');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.keys.map((k: { key: string }) => k.key)).toEqual([
      'Fy/EgOWYSQw0F3YEM5sVQw==',
      'K2MFOsSDI43hdhaehh89zQ==',
    ]);
    expect(doc.signatures).toEqual([]);
    const human = await bluezone('export', 'inspect', exampleBin);
    expect(human.stdout).toContain('region      US, batch 1 of 1');
    expect(human.stdout).toContain('172fc480e598490c34177604339b1543');
    const withKey = await bluezone('export', 'inspect', exampleBin, '--public-key', signer.publicKey);
    expect(withKey.code).toBe(1);
  });

  it.each([
    ['a truncated zip', () => file('trunc.zip', readFileSync(join(dir, 'out.zip')).subarray(0, 100))],
    [
      'a truncated export.bin',
      () => file('trunc.bin', Buffer.from(example.exportBinHex, 'hex').subarray(0, 60)),
    ],
    ['a file that is neither', () => file('junk.bin', 'hello, world')],
    ['a missing file', () => join(dir, 'missing.zip')],
  ])('rejects %s with exit 2 and one line on stderr', async (_name, make) => {
    const { code, stderr, stdout } = await bluezone('export', 'inspect', make());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^bluezone: .+\n$/);
  });

  it.each([
    [['--private-key', stranger.publicKey], /no "BEGIN PRIVATE KEY"/],
    [['--private-key', signer.pkcs8, '--batch-num', '2'], /--batch-num must be an integer from 1 to 1/],
    [['--private-key', signer.pkcs8, '--end-timestamp', '5'], /--end-timestamp must not be before/],
    [['--private-key', signer.pkcs8, '--region', ''], /--region must be/],
    [[], /--private-key is required/],
  ])('rejects bad build input %j with exit 2', async (extra, message) => {
    const { code, stderr } = await bluezone(...BUILD, '-o', join(dir, 'bad.zip'), ...extra);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a keys file with a bad key, naming it', async () => {
    const bad = file(
      'bad-keys.json',
      JSON.stringify({ temporaryExposureKeys: [{ key: 'AAAA', rollingStartNumber: 1 }] }),
    );
    const args = BUILD.map((a) => (a === keysFile ? bad : a));
    const { code, stderr } = await bluezone(
      ...args,
      '--private-key',
      signer.pkcs8,
      '-o',
      join(dir, 'bad.zip'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-keys.json: key 0: "key" must be 16 bytes/);
  });
});
