// AES S-box and round tables (FIPS 197), computed at load time from GF(2^8) arithmetic.
// Round tables use the little-endian column convention: a state column (bytes r0…r3 of column c) is
// the word r0 | r1 << 8 | r2 << 16 | r3 << 24, so a 16-byte block read as four little-endian 32-bit
// words is the state, and TE1…TE3 are byte rotations of TE0.

/** The AES S-box. */
export const SBOX = new Uint8Array(256);
/** SubBytes + MixColumns contribution of a row-0 byte: (2s, s, s, 3s) packed little-endian. */
export const TE0 = new Int32Array(256);
export const TE1 = new Int32Array(256);
export const TE2 = new Int32Array(256);
export const TE3 = new Int32Array(256);

const xtime = (x: number): number => ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff;

{
  // exp/log tables over the generator 3, then inverse and affine transform.
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= xtime(x);
  }
  for (let a = 0; a < 256; a++) {
    const inv = a === 0 ? 0 : (exp[(255 - (log[a] as number)) % 255] as number);
    let s = inv;
    for (let k = 1; k <= 4; k++) s ^= ((inv << k) | (inv >>> (8 - k))) & 0xff;
    SBOX[a] = s ^ 0x63;
  }
  for (let a = 0; a < 256; a++) {
    const s = SBOX[a] as number;
    const s2 = xtime(s);
    const t = s2 | (s << 8) | (s << 16) | ((s2 ^ s) << 24);
    TE0[a] = t;
    TE1[a] = (t << 8) | (t >>> 24);
    TE2[a] = (t << 16) | (t >>> 16);
    TE3[a] = (t << 24) | (t >>> 8);
  }
}

/** True when typed arrays store 32-bit words little-endian (every mainstream engine). */
export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
