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

/**
 * One message buffer per kind of block, so that the constant words (padding, pads) are written once
 * here and each call writes only the words that depend on the TEK.
 */
function messageBlock(constantFrom: number, constant: readonly number[]): Int32Array {
  const w = new Int32Array(64);
  constant.forEach((word, i) => {
    w[constantFrom + i] = word;
  });
  return w;
}
const PAD_ZEROS = (n: number) => Array.from({ length: n }, () => 0);
/** TEK ‖ 0x80 ‖ zeros ‖ bit length of (64-byte pad block + 16 bytes). */
const wTek = messageBlock(4, [0x80000000 | 0, ...PAD_ZEROS(10), (64 + 16) * 8]);
/** A 32-byte inner hash ‖ 0x80 ‖ zeros ‖ bit length of (64 + 32 bytes). */
const wHash = messageBlock(8, [0x80000000 | 0, ...PAD_ZEROS(6), (64 + 32) * 8]);
/** PRK ⊕ ipad ‖ ipad (PRK is a 32-byte HMAC key, zero-padded to 64 bytes). */
const wPrkIpad = messageBlock(
  8,
  Array.from({ length: 8 }, () => IPAD),
);
const wPrkOpad = messageBlock(
  8,
  Array.from({ length: 8 }, () => OPAD),
);

const zeroKeyInner = new Int32Array(8);
const zeroKeyOuter = new Int32Array(8);
const prkInner = new Int32Array(8);
const prkOuter = new Int32Array(8);
const inner = new Int32Array(8);
const prk = new Int32Array(8);
const t1 = new Int32Array(8);

sha256Compress(
  SHA256_IV,
  messageBlock(
    0,
    Array.from({ length: 16 }, () => IPAD),
  ),
  zeroKeyInner,
);
sha256Compress(
  SHA256_IV,
  messageBlock(
    0,
    Array.from({ length: 16 }, () => OPAD),
  ),
  zeroKeyOuter,
);

const info = new Int32Array(64);
let infoWords: [number, number] | undefined;

/**
 * The expand step's inner block `info ‖ 0x01 ‖ padding` is the same for every TEK: its whole
 * message schedule is computed once per info.
 */
function infoSchedule(word0: number, word1: number): Int32Array {
  if (infoWords === undefined || infoWords[0] !== word0 || infoWords[1] !== word1) {
    info.set([word0, word1, 0x80000000 | 0, ...PAD_ZEROS(12), (64 + 8) * 8]);
    sha256Compress(SHA256_IV, info, new Int32Array(8)); // expands the schedule in place
    infoWords = [word0, word1];
  }
  return info;
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
  // Extract: PRK = HMAC(zero key, TEK).
  for (let i = 0; i < 4; i++) {
    const o = 4 * i;
    wTek[i] =
      ((tek[o] as number) << 24) |
      ((tek[o + 1] as number) << 16) |
      ((tek[o + 2] as number) << 8) |
      (tek[o + 3] as number);
  }
  sha256Compress(zeroKeyInner, wTek, inner);
  for (let i = 0; i < 8; i++) wHash[i] = inner[i] as number;
  sha256Compress(zeroKeyOuter, wHash, prk);
  // Expand: T(1) = HMAC(PRK, info ‖ 0x01).
  for (let i = 0; i < 8; i++) {
    wPrkIpad[i] = (prk[i] as number) ^ IPAD;
    wPrkOpad[i] = (prk[i] as number) ^ OPAD;
  }
  sha256Compress(SHA256_IV, wPrkIpad, prkInner);
  sha256Compress(SHA256_IV, wPrkOpad, prkOuter);
  sha256Compress(prkInner, infoSchedule(infoWord0, infoWord1), inner, 64);
  for (let i = 0; i < 8; i++) wHash[i] = inner[i] as number;
  sha256Compress(prkOuter, wHash, t1);
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
