// AES-128 key expansion (FIPS 197 §5.2) into one module-level schedule, in the little-endian column
// convention of aes-tables.ts. One schedule at a time: matching encrypts under one key after another.

import { SBOX } from './aes-tables.js';

const RCON = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36];

/** The 44 round-key words of the key last given to {@link expandAes128Key}. */
export const roundKeys = new Int32Array(44);

/** Expands a 16-byte AES-128 key into the module's round-key schedule (44 little-endian words). */
export function expandAes128Key(key: Uint8Array): void {
  // Locals, not module bindings, in the loops (see fast-aes.ts).
  const rk = roundKeys;
  const S = SBOX;
  const rcon = RCON;
  for (let i = 0; i < 4; i++) {
    const o = 4 * i;
    rk[i] =
      (key[o] as number) |
      ((key[o + 1] as number) << 8) |
      ((key[o + 2] as number) << 16) |
      ((key[o + 3] as number) << 24);
  }
  for (let i = 4; i < 44; i++) {
    let t = rk[i - 1] as number;
    if (i % 4 === 0) {
      t =
        ((S[(t >>> 8) & 255] as number) |
          ((S[(t >>> 16) & 255] as number) << 8) |
          ((S[t >>> 24] as number) << 16) |
          ((S[t & 255] as number) << 24)) ^
        (rcon[i / 4 - 1] as number);
    }
    rk[i] = (rk[i - 4] as number) ^ t;
  }
}
