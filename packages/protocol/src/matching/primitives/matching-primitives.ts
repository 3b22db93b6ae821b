// The two cryptographic steps matching spends its time in, behind an interface so that a platform
// can pass faster implementations in (the protocol package itself stays pure).

import { expandAes128Key } from './aes-key-schedule.js';
import { encryptPaddedData } from './fast-aes.js';
import { INFO_RPIK_WORDS, zeroSaltHkdf16 } from './zero-salt-hkdf.js';

/**
 * Key derivation for matching. Implementations must give exactly the GAEN results
 * (RPIK = HKDF-SHA256(TEK, no salt, "EN-RPIK", 16); RPI_j = AES-128(RPIK, PaddedData_j)).
 */
export interface MatchingPrimitives {
  /** Writes the RPIK of a 16-byte TEK into `out[0..16)`. */
  rpiKey(tek: Uint8Array, out: Uint8Array): void;
  /**
   * Writes RPI_j for each j of `intervals[0..count)` (ascending, at most 144) into `out` as
   * consecutive 16-byte blocks, in the same order. `out` is 4-byte aligned in its buffer.
   */
  rpis(rpik: Uint8Array, intervals: Uint32Array, count: number, out: Uint8Array): void;
}

/** Pure-JS primitives: six-compression zero-salt HKDF and T-table AES-128, no allocation per key. */
export const jsMatchingPrimitives: MatchingPrimitives = {
  rpiKey(tek, out) {
    zeroSaltHkdf16(tek, INFO_RPIK_WORDS[0], INFO_RPIK_WORDS[1], out);
  },
  rpis(rpik, intervals, count, out) {
    expandAes128Key(rpik);
    encryptPaddedData(intervals, count, out);
  },
};
