import { createHash, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { isProtocolError } from '../errors.js';
import { loadExportExample } from '../test-support/spec.js';
import { decodeExportSig, encodeExportSig } from './export-sig.js';
import { parsePrivateKeyPem, parsePublicKeyPem } from './pem-keys.js';
import { signExport, signExportDigest, verifyExportSignatures } from './signing.js';
import { ECDSA_SHA256_OID } from './types.js';

const example = loadExportExample();
const bin = fromHex(example.exportBinHex);
const info = example.inputs.signatureInfo;
const trusted = [{ keyId: 'some_id', keyVersion: '1', publicKey: parsePublicKeyPem(example.publicKeyPem) }];

function p256Pair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKey,
    privateKey,
    spki: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    sec1: privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
  };
}

describe('export.sig', () => {
  it('decodes the example signature and re-encodes it identically', () => {
    const [sig, ...rest] = decodeExportSig(fromHex(example.exportSigHex));
    expect(rest).toEqual([]);
    expect(sig?.signatureInfo).toEqual(info);
    expect(sig).toMatchObject({ batchNum: 1, batchSize: 1, signature: fromHex(example.signatureDerHex) });
    expect(encodeExportSig(sig ? [sig] : [])).toEqual(fromHex(example.exportSigHex));
  });

  it('verifies the example signature (high-S) with the example public key', () => {
    const signatures = decodeExportSig(fromHex(example.exportSigHex));
    expect(verifyExportSignatures(bin, signatures, trusted)).toEqual([
      { keyId: 'some_id', keyVersion: '1', valid: true },
    ]);
    const tampered = bin.map((b, i) => (i === bin.length - 1 ? b ^ 1 : b));
    expect(verifyExportSignatures(tampered, signatures, trusted)[0]?.valid).toBe(false);
    expect(
      verifyExportSignatures(
        bin,
        signatures,
        trusted.map((k) => ({ ...k, keyVersion: '2' })),
      )[0]?.valid,
    ).toBe(false);
  });

  it('cross-checks with node:crypto both ways', () => {
    const pair = p256Pair();
    const ours = signExport(bin, parsePrivateKeyPem(pair.pkcs8), info);
    expect(createVerify('sha256').update(bin).verify(pair.publicKey, ours.signature)).toBe(true);
    const theirs = createSign('sha256').update(bin).sign(pair.privateKey);
    const publicKey = parsePublicKeyPem(pair.spki);
    const check = verifyExportSignatures(
      bin,
      [{ ...ours, signature: theirs }],
      [{ keyId: 'some_id', keyVersion: '1', publicKey }],
    );
    expect(check[0]?.valid).toBe(true);
    expect(parsePrivateKeyPem(pair.sec1)).toEqual(parsePrivateKeyPem(pair.pkcs8));
  });

  it('signs a SHA-256 digest exactly as it signs the bytes', () => {
    const key = parsePrivateKeyPem(p256Pair().pkcs8);
    const digest = new Uint8Array(createHash('sha256').update(bin).digest());
    expect(signExportDigest(digest, key, info, { batchNum: 2, batchSize: 3 })).toEqual(
      signExport(bin, key, info, { batchNum: 2, batchSize: 3 }),
    );
    expect(() => signExportDigest(digest.subarray(1), key, info)).toThrow(/32 bytes/);
    expect(() => signExportDigest(digest, new Uint8Array(32), info)).toThrow(/P-256 secret/);
  });

  it('handles two signatures during key rotation', () => {
    const [a, b] = [p256Pair(), p256Pair()];
    const infoB = { ...info, verificationKeyVersion: '2' };
    const sigs = [
      signExport(bin, parsePrivateKeyPem(a.pkcs8), info),
      signExport(bin, parsePrivateKeyPem(b.sec1), infoB),
    ];
    const decoded = decodeExportSig(encodeExportSig(sigs));
    const keys = [
      { keyId: 'some_id', keyVersion: '1', publicKey: parsePublicKeyPem(a.spki) },
      { keyId: 'some_id', keyVersion: '2', publicKey: parsePublicKeyPem(b.spki) },
    ];
    expect(verifyExportSignatures(bin, decoded, keys).map((c) => c.valid)).toEqual([true, true]);
    expect(verifyExportSignatures(bin, decoded, keys.slice(1)).map((c) => c.valid)).toEqual([false, true]);
  });

  it('rejects other curves and algorithms by name', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isProtocolError(e) ? `${e.code}: ${e.message}` : String(e);
      }
    };
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(
      codeOf(() => parsePublicKeyPem(p384.publicKey.export({ type: 'spki', format: 'pem' }).toString())),
    ).toMatch(/^unsupported_key: curve P-384/);
    expect(
      codeOf(() => parsePrivateKeyPem(p384.privateKey.export({ type: 'sec1', format: 'pem' }).toString())),
    ).toMatch(/^unsupported_key/);
    const ed = generateKeyPairSync('ed25519');
    expect(
      codeOf(() => parsePrivateKeyPem(ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())),
    ).toMatch(/Ed25519/);
    expect(codeOf(() => parsePublicKeyPem('hello'))).toMatch(/^invalid_pem/);
    expect(
      codeOf(() => parsePublicKeyPem('-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----')),
    ).toMatch(/^invalid_key_der/);
    expect(codeOf(() => signExport(bin, new Uint8Array(32), info))).toMatch(/^invalid_signing_key/);
    expect(
      codeOf(() => signExport(bin, new Uint8Array(32).fill(1), { ...info, signatureAlgorithm: '1.2.3' })),
    ).toMatch(/^unsupported_key/);
    expect(ECDSA_SHA256_OID).toBe(info.signatureAlgorithm);
  });
});
