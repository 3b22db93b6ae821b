import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { loadVectors } from '../test-support/spec.js';
import { type IntervalNumber, ROLLING_PERIOD } from '../time/interval.js';
import {
  decryptAssociatedMetadata,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encryptAssociatedMetadata,
  paddedData,
} from './derivation.js';
import { decodeMetadata, encodeMetadata } from './metadata.js';
import { generateTemporaryExposureKey } from './temporary-exposure-key.js';

const v = loadVectors().tek;
const tek = fromHex(v.tek);
const start = v.keyInterval as IntervalNumber;

describe('GAEN cryptography test vector', () => {
  const rpik = deriveRollingProximityIdentifierKey(tek);
  const aemk = deriveAssociatedEncryptedMetadataKey(tek);
  const all = deriveRollingProximityIdentifiers(rpik, start, ROLLING_PERIOD);
  const metadata = fromHex(v.metadata);

  it('derives RPIK, AEMK and the padded data', () => {
    expect(toHex(rpik)).toBe(v.rpik);
    expect(toHex(aemk)).toBe(v.aemk);
    expect(toHex(paddedData(start))).toBe(v.paddedData0);
  });

  it('derives all 144 identifiers and matches the published ones', () => {
    expect(all).toHaveLength(144);
    for (const { i, rpi, aem } of v.rpi) {
      expect(toHex(all[i] as Uint8Array)).toBe(rpi);
      expect(toHex(encryptAssociatedMetadata(aemk, all[i] as Uint8Array, metadata))).toBe(aem);
    }
  });

  it('holds for all 144: distinct, one-by-one equals batch, AEM decrypts back to the metadata', () => {
    expect(new Set(all.map(toHex)).size).toBe(144);
    for (let i = 0; i < 144; i++) {
      const rpi = deriveRollingProximityIdentifier(rpik, (start + i) as IntervalNumber);
      expect(toHex(rpi)).toBe(toHex(all[i] as Uint8Array));
      const aem = encryptAssociatedMetadata(aemk, rpi, metadata);
      expect(toHex(decryptAssociatedMetadata(aemk, rpi, aem))).toBe(v.metadata);
    }
    expect(decodeMetadata(metadata)).toEqual({
      versionMajor: 1,
      versionMinor: 0,
      txPower: 8,
      calibrationConfidence: 0,
    });
  });
});

describe('keys and metadata', () => {
  it('takes TEK randomness from the injected source', () => {
    const key = generateTemporaryExposureKey(() => tek.slice(), start);
    expect(toHex(key.keyData)).toBe(v.tek);
    expect(() => generateTemporaryExposureKey(() => new Uint8Array(8), start)).toThrow(/16 bytes/);
  });

  it('round-trips metadata v1.0 and v1.1 for every TX power and confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: -128, max: 127 }), fc.integer({ min: 0, max: 3 }), (tx, conf) => {
        const m = { versionMajor: 1, versionMinor: 1, txPower: tx, calibrationConfidence: conf as 0 };
        expect(decodeMetadata(encodeMetadata(m))).toEqual(m);
        expect(encodeMetadata(m)[0]).toBe(0x50 | (conf << 2));
      }),
    );
    expect(toHex(encodeMetadata(decodeMetadata(fromHex('40080000'))))).toBe('40080000');
  });
});
