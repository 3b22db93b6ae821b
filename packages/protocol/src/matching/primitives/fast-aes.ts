// AES-128 encryption of GAEN PaddedData blocks with T-tables, no allocation per key or block.
//
// PaddedData_j = "EN-RPI" ‖ 0x000000000000 ‖ j (uint32 little-endian). In the little-endian column
// convention its four state columns are the constants "EN-R", "PI\0\0", 0 and the word j itself, so
// after the first AddRoundKey only column 3 depends on j. Each first-round output column takes one
// byte of column 3 and three key-constant bytes: the constant three quarters are computed once per key,
// which leaves 4 table look-ups instead of 16 in round 1. Rounds 2…10 are plain T-table AES.
// Checked against @noble/ciphers' AES by property tests.

import { roundKeys as rk } from './aes-key-schedule.js';
import { LITTLE_ENDIAN, SBOX, TE0, TE1, TE2, TE3 } from './aes-tables.js';

/** "EN-R" and "PI\0\0" as little-endian words. */
const P0 = 0x522d4e45;
const P1 = 0x00004950;

let outBytes: Uint8Array | undefined;
let outWords: Int32Array = new Int32Array(0);

function wordsOf(out: Uint8Array): Int32Array {
  if (out !== outBytes) {
    outBytes = out;
    outWords = new Int32Array(out.buffer, out.byteOffset, out.length >>> 2);
  }
  return outWords;
}

/**
 * Encrypts PaddedData_j for each j in `intervals[0..count)` under the key last given to
 * `expandAes128Key` (aes-key-schedule.ts), writing 16-byte blocks to `out` in the same order. `out` must be
 * 4-byte aligned in its buffer and hold 16 × count bytes.
 */
export function encryptPaddedData(intervals: Uint32Array, count: number, out: Uint8Array): void {
  // Locals, not module bindings, in the hot loop: V8 then keeps the tables' base pointers in registers.
  const T0 = TE0;
  const T1 = TE1;
  const T2 = TE2;
  const T3 = TE3;
  const S = SBOX;
  const k = rk;
  const a0 = P0 ^ (k[0] as number);
  const a1 = P1 ^ (k[1] as number);
  const a2 = k[2] as number;
  const k3 = k[3] as number;
  const c0 = (T0[a0 & 255] as number) ^ (T1[(a1 >>> 8) & 255] as number) ^ (T2[(a2 >>> 16) & 255] as number);
  const c1 = (T0[a1 & 255] as number) ^ (T1[(a2 >>> 8) & 255] as number) ^ (T3[a0 >>> 24] as number);
  const c2 = (T0[a2 & 255] as number) ^ (T2[(a0 >>> 16) & 255] as number) ^ (T3[a1 >>> 24] as number);
  const c3 = (T1[(a0 >>> 8) & 255] as number) ^ (T2[(a1 >>> 16) & 255] as number) ^ (T3[a2 >>> 24] as number);
  const words = LITTLE_ENDIAN ? wordsOf(out) : undefined;
  for (let n = 0; n < count; n++) {
    const a3 = (intervals[n] as number) ^ k3;
    let s0 = c0 ^ (T3[a3 >>> 24] as number) ^ (k[4] as number);
    let s1 = c1 ^ (T2[(a3 >>> 16) & 255] as number) ^ (k[5] as number);
    let s2 = c2 ^ (T1[(a3 >>> 8) & 255] as number) ^ (k[6] as number);
    let s3 = c3 ^ (T0[a3 & 255] as number) ^ (k[7] as number);
    let t0: number;
    let t1: number;
    let t2: number;
    // Rounds 2…9, unrolled (round-key offsets become constants: ~30 % faster than a loop).
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[8] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[9] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[10] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[11] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[12] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[13] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[14] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[15] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[16] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[17] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[18] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[19] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[20] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[21] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[22] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[23] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[24] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[25] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[26] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[27] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[28] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[29] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[30] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[31] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[32] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[33] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[34] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[35] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    t0 =
      (T0[s0 & 255] as number) ^
      (T1[(s1 >>> 8) & 255] as number) ^
      (T2[(s2 >>> 16) & 255] as number) ^
      (T3[s3 >>> 24] as number) ^
      (k[36] as number);
    t1 =
      (T0[s1 & 255] as number) ^
      (T1[(s2 >>> 8) & 255] as number) ^
      (T2[(s3 >>> 16) & 255] as number) ^
      (T3[s0 >>> 24] as number) ^
      (k[37] as number);
    t2 =
      (T0[s2 & 255] as number) ^
      (T1[(s3 >>> 8) & 255] as number) ^
      (T2[(s0 >>> 16) & 255] as number) ^
      (T3[s1 >>> 24] as number) ^
      (k[38] as number);
    s3 =
      (T0[s3 & 255] as number) ^
      (T1[(s0 >>> 8) & 255] as number) ^
      (T2[(s1 >>> 16) & 255] as number) ^
      (T3[s2 >>> 24] as number) ^
      (k[39] as number);
    s0 = t0;
    s1 = t1;
    s2 = t2;
    // Final round: SubBytes + ShiftRows + AddRoundKey, no MixColumns.
    const o0 =
      ((S[s0 & 255] as number) |
        ((S[(s1 >>> 8) & 255] as number) << 8) |
        ((S[(s2 >>> 16) & 255] as number) << 16) |
        ((S[s3 >>> 24] as number) << 24)) ^
      (k[40] as number);
    const o1 =
      ((S[s1 & 255] as number) |
        ((S[(s2 >>> 8) & 255] as number) << 8) |
        ((S[(s3 >>> 16) & 255] as number) << 16) |
        ((S[s0 >>> 24] as number) << 24)) ^
      (k[41] as number);
    const o2 =
      ((S[s2 & 255] as number) |
        ((S[(s3 >>> 8) & 255] as number) << 8) |
        ((S[(s0 >>> 16) & 255] as number) << 16) |
        ((S[s1 >>> 24] as number) << 24)) ^
      (k[42] as number);
    const o3 =
      ((S[s3 & 255] as number) |
        ((S[(s0 >>> 8) & 255] as number) << 8) |
        ((S[(s1 >>> 16) & 255] as number) << 16) |
        ((S[s2 >>> 24] as number) << 24)) ^
      (k[43] as number);
    if (words !== undefined) {
      const o = 4 * n;
      words[o] = o0;
      words[o + 1] = o1;
      words[o + 2] = o2;
      words[o + 3] = o3;
    } else {
      writeWordsLe(out, 16 * n, o0, o1, o2, o3);
    }
  }
}

function writeWordsLe(out: Uint8Array, o: number, ...words: number[]): void {
  for (let i = 0; i < 4; i++) {
    const v = words[i] as number;
    out[o + 4 * i] = v & 255;
    out[o + 4 * i + 1] = (v >>> 8) & 255;
    out[o + 4 * i + 2] = (v >>> 16) & 255;
    out[o + 4 * i + 3] = v >>> 24;
  }
}
