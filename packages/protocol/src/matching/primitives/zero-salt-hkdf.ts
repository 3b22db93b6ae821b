// HKDF-SHA256 (RFC 5869) of a 16-byte TEK with no salt and an 8-byte "info‖0x01" block, as the GAEN key
// schedule uses it (RPIK = HKDF(TEK, –, "EN-RPIK", 16)), in six SHA-256 compressions and no allocation:
//
//   extract  PRK = HMAC(32 zero bytes, TEK): the zero key's inner and outer pad states are the same for
//            every TEK, so they are computed once here; then 1 compression inner, 1 outer.
//   expand   T(1) = HMAC(PRK, info ‖ 0x01): 2 compressions for PRK's pad states, 1 inner, 1 outer.
//
// The output is the first 16 bytes of T(1). Checked against @noble/hashes' hkdf by property tests.

import { SHA256_IV, sha256Compress } from './sha256-compress.js';

const IPAD = 0x36363636;
const OPAD = 0x5c5c5c5c;

const w = new Int32Array(64);
const zeroKeyInner = new Int32Array(8);
const zeroKeyOuter = new Int32Array(8);
const prkInner = new Int32Array(8);
const prkOuter = new Int32Array(8);
const inner = new Int32Array(8);
const prk = new Int32Array(8);
const t1 = new Int32Array(8);

w.fill(IPAD, 0, 16);
sha256Compress(SHA256_IV, w, zeroKeyInner);
w.fill(OPAD, 0, 16);
sha256Compress(SHA256_IV, w, zeroKeyOuter);

/** Fills w[0..16) with a 32-byte message block that follows one 64-byte block: `words ‖ 0x80 ‖ len`. */
function finalBlockAfterPad(words: Int32Array): void {
  for (let i = 0; i < 8; i++) w[i] = words[i] as number;
  w[8] = 0x80000000 | 0;
  w.fill(0, 9, 15);
  w[15] = (64 + 32) * 8;
}

/**
 * Writes the first 16 bytes of HKDF-SHA256(tek, no salt, info, 32) into `out` (at `offset`), where
 * `info` is 7 bytes given, with the expand counter 0x01 appended, as two big-endian words.
 * `tek` must hold 16 bytes (the caller checks).
 */
export function zeroSaltHkdf16(
  tek: Uint8Array,
  infoWord0: number,
  infoWord1: number,
  out: Uint8Array,
  offset = 0,
): void {
  // Extract, inner hash: zero-key ipad state, then TEK ‖ padding (message length 64 + 16 bytes).
  for (let i = 0; i < 4; i++) {
    const o = 4 * i;
    w[i] =
      ((tek[o] as number) << 24) |
      ((tek[o + 1] as number) << 16) |
      ((tek[o + 2] as number) << 8) |
      (tek[o + 3] as number);
  }
  w[4] = 0x80000000 | 0;
  w.fill(0, 5, 15);
  w[15] = (64 + 16) * 8;
  sha256Compress(zeroKeyInner, w, inner);
  finalBlockAfterPad(inner);
  sha256Compress(zeroKeyOuter, w, prk);
  // Expand: PRK (32 bytes) as an HMAC key, padded to 64 bytes.
  for (let i = 0; i < 8; i++) w[i] = (prk[i] as number) ^ IPAD;
  w.fill(IPAD, 8, 16);
  sha256Compress(SHA256_IV, w, prkInner);
  for (let i = 0; i < 8; i++) w[i] = (prk[i] as number) ^ OPAD;
  w.fill(OPAD, 8, 16);
  sha256Compress(SHA256_IV, w, prkOuter);
  w[0] = infoWord0;
  w[1] = infoWord1;
  w[2] = 0x80000000 | 0;
  w.fill(0, 3, 15);
  w[15] = (64 + 8) * 8;
  sha256Compress(prkInner, w, inner);
  finalBlockAfterPad(inner);
  sha256Compress(prkOuter, w, t1);
  for (let i = 0; i < 4; i++) {
    const v = t1[i] as number;
    const o = offset + 4 * i;
    out[o] = v >>> 24;
    out[o + 1] = (v >>> 16) & 255;
    out[o + 2] = (v >>> 8) & 255;
    out[o + 3] = v & 255;
  }
}

/** "EN-RPIK" ‖ 0x01 as big-endian words. */
export const INFO_RPIK_WORDS = [0x454e2d52, 0x50494b01] as const;
/** "EN-AEMK" ‖ 0x01 as big-endian words. */
export const INFO_AEMK_WORDS = [0x454e2d41, 0x454d4b01] as const;
