import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePrivateKeyPem, parsePublicKeyPem } from '../export/pem-keys.js';
import { ECDSA_SHA256_OID } from '../export/types.js';
import { protocolErrorCode } from '../test-support/error-code.js';
import type { TraceTimeIntervalWarning } from './trace-warning.js';
import {
  buildTraceWarningFile,
  decodeTraceWarningPackage,
  encodeTraceWarningPackage,
  readTraceWarningFile,
} from './warning-package.js';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const signatureInfo = {
  verificationKeyId: '452',
  verificationKeyVersion: 'v1',
  signatureAlgorithm: ECDSA_SHA256_OID,
};
const signer = {
  signingKey: parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  signatureInfo,
};
const trusted = [
  {
    keyId: '452',
    keyVersion: 'v1',
    publicKey: parsePublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  },
];

const warning = (i: number): TraceTimeIntervalWarning => ({
  locationIdHash: new Uint8Array(32).fill(i % 256),
  startIntervalNumber: 2_833_334 + i,
  period: 1 + (i % 144),
  transmissionRiskLevel: 1 + (i % 8),
});
const pkg = { intervalNumber: 472_222, region: 'VN', warnings: [0, 1, 2, 300].map(warning) };

describe('trace warning packages', () => {
  it('round-trip through a signed zip, and the signature verifies', () => {
    const file = readTraceWarningFile(buildTraceWarningFile(pkg, [signer]), trusted);
    expect(file).toEqual({ ...pkg, signatures: [{ keyId: '452', keyVersion: 'v1', valid: true }] });
    expect(readTraceWarningFile(buildTraceWarningFile(pkg, [signer]), []).signatures[0]?.valid).toBe(false);
  });

  it('a package with another signature fails verification', () => {
    const bin = encodeTraceWarningPackage(pkg);
    const good = buildTraceWarningFile(pkg, [signer]);
    const forged = buildTraceWarningFile({ ...pkg, warnings: pkg.warnings.slice(1) }, [signer]);
    expect(bin.length).toBeGreaterThan(100);
    const sig = readZipEntry(good, 'export.sig');
    const tampered = zipSync({ 'export.bin': readZipEntry(forged, 'export.bin'), 'export.sig': sig });
    expect(readTraceWarningFile(tampered, trusted).signatures[0]?.valid).toBe(false);
  });

  it('round-trips any valid package (property)', () => {
    const arbitrary = fc.record({
      locationIdHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      startIntervalNumber: fc.nat(0xffffffff),
      period: fc.integer({ min: 1, max: 144 }),
      transmissionRiskLevel: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 20 }), fc.nat(0xffffffff), (warnings, hour) => {
        const p = { intervalNumber: hour, region: 'VN-79', warnings };
        expect(decodeTraceWarningPackage(encodeTraceWarningPackage(p))).toEqual(p);
      }),
    );
  });

  it.each([
    [
      'a warning with a 31-byte hash',
      { ...pkg, warnings: [{ ...warning(1), locationIdHash: new Uint8Array(31) }] },
    ],
    ['a warning of period 0', { ...pkg, warnings: [{ ...warning(1), period: 0 }] }],
    ['a warning of period 145', { ...pkg, warnings: [{ ...warning(1), period: 145 }] }],
    ['transmission risk 9', { ...pkg, warnings: [{ ...warning(1), transmissionRiskLevel: 9 }] }],
  ])('refuses to write %s', (_name, bad) => {
    expect(protocolErrorCode(() => encodeTraceWarningPackage(bad))).toBe('checkin_invalid_warning');
  });

  it.each([
    ['random bytes', Uint8Array.from([0xff, 0xff, 0x01]), 'checkin_package_malformed'],
    ['a truncated package', encodeTraceWarningPackage(pkg).subarray(0, 50), 'checkin_package_malformed'],
    ['a warning without a hash', Uint8Array.from([0x1a, 0x02, 0x10, 0x01]), 'checkin_invalid_warning'],
    [
      'a hour beyond uint32',
      Uint8Array.from([0x08, 0x80, 0x80, 0x80, 0x80, 0x10]),
      'checkin_package_malformed',
    ],
  ])('refuses %s', (_name, bytes, code) => {
    expect(protocolErrorCode(() => decodeTraceWarningPackage(bytes))).toBe(code);
  });

  it('answers random and mutated packages with a ProtocolError, never a crash (property)', () => {
    const bin = encodeTraceWarningPackage(pkg);
    const zip = buildTraceWarningFile(pkg, [signer]);
    const mutate = (bytes: Uint8Array, at: number, value: number) => {
      const out = bytes.slice();
      out[at % out.length] = value;
      return out;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), fc.nat(255), (random, at, value) => {
        for (const bytes of [random, mutate(bin, at, value)]) {
          expect(protocolErrorCode(() => decodeTraceWarningPackage(bytes))).toMatch(/^(checkin_|no error)/);
        }
        expect(protocolErrorCode(() => readTraceWarningFile(mutate(zip, at, value), trusted))).toMatch(
          /^(checkin_|export_|no error)/,
        );
      }),
    );
  });

  it('refuses more warnings or bytes than its limits', () => {
    const bin = encodeTraceWarningPackage(pkg);
    expect(
      protocolErrorCode(() => decodeTraceWarningPackage(bin, { maxBytes: 1 << 20, maxWarnings: 3 })),
    ).toBe('checkin_package_too_large');
    expect(protocolErrorCode(() => decodeTraceWarningPackage(bin, { maxBytes: 10, maxWarnings: 10 }))).toBe(
      'checkin_package_too_large',
    );
    expect(protocolErrorCode(() => readTraceWarningFile(Uint8Array.from([1, 2, 3]), trusted))).toMatch(
      /^export_/,
    );
  });
});

function readZipEntry(zip: Uint8Array, name: string): Uint8Array {
  const entry = unzipSync(zip)[name];
  if (entry === undefined) throw new Error(`no ${name}`);
  return entry;
}
