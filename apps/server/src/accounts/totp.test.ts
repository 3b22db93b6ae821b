import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, totpStep } from './totp.js';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'ascii'));
const SHA1_SEED = ascii('12345678901234567890');
const SHA256_SEED = ascii('12345678901234567890123456789012');
const SHA512_SEED = ascii('1234567890123456789012345678901234567890123456789012345678901234');

// RFC 6238 Appendix B: time (seconds) → 8-digit TOTP for SHA-1, SHA-256, SHA-512.
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vectors', () => {
    for (const [seconds, sha1, sha256, sha512] of VECTORS) {
      const step = totpStep(new Date(seconds * 1000));
      expect(hotp(SHA1_SEED, step, 8)).toBe(sha1);
      expect(hotp(SHA256_SEED, step, 8, 'sha256')).toBe(sha256);
      expect(hotp(SHA512_SEED, step, 8, 'sha512')).toBe(sha512);
    }
  });

  it('matches the RFC 4226 HOTP values with 6 digits', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expect(expected.map((_, counter) => hotp(SHA1_SEED, counter))).toEqual(expected);
  });

  it('accepts the current step and one either side, never a step already used', () => {
    const at = new Date(1111111111 * 1000);
    const now = totp(SHA1_SEED, at);
    expect(matchTotp(SHA1_SEED, now, at)).toBe(totpStep(at));
    expect(matchTotp(SHA1_SEED, totp(SHA1_SEED, new Date(at.getTime() - 30_000)), at)).toBe(totpStep(at) - 1);
    expect(matchTotp(SHA1_SEED, totp(SHA1_SEED, new Date(at.getTime() + 30_000)), at)).toBe(totpStep(at) + 1);
    expect(matchTotp(SHA1_SEED, totp(SHA1_SEED, new Date(at.getTime() - 90_000)), at)).toBeUndefined();
    expect(matchTotp(SHA1_SEED, now, at, totpStep(at))).toBeUndefined();
    expect(matchTotp(SHA1_SEED, 'abcdef', at)).toBeUndefined();
    expect(matchTotp(SHA1_SEED, '1234567', at)).toBeUndefined();
  });

  it('encodes base32 as RFC 4648 does and builds an otpauth URI', () => {
    expect(base32Encode(ascii('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(SHA1_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(Buffer.from(base32Decode('mzxw 6ytb oi======') ?? []).toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeUndefined();
    const uri = otpauthUri(SHA1_SEED, 'thai.binh');
    expect(uri).toBe(
      'otpauth://totp/Bluezone%3Athai.binh?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bluezone&algorithm=SHA1&digits=6&period=30',
    );
  });
});
