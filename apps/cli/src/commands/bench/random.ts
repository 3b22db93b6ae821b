// A small seeded PRNG (sfc32) so that a benchmark run is reproducible from its --seed.

/** Seeded random numbers: `next()` → uint32, `float()` → [0, 1), `int(n)` → 0…n−1. */
export interface Random {
  next(): number;
  float(): number;
  int(n: number): number;
  /** Fills `out` with random bytes. */
  fill(out: Uint8Array): Uint8Array;
}

export function seededRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return {
    next,
    float: () => next() / 2 ** 32,
    int: (n) => Math.floor((next() / 2 ** 32) * n),
    fill(out) {
      for (let i = 0; i < out.length; i += 4) {
        const v = next();
        for (let k = 0; k < 4 && i + k < out.length; k++) out[i + k] = (v >>> (8 * k)) & 255;
      }
      return out;
    },
  };
}

/** 16 pseudo-random bytes that depend only on (a, b): the RPI a never-diagnosed device sent. */
export function mixedBytes16(a: number, b: number, out: Uint8Array): Uint8Array {
  let h = Math.imul(a ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(b + 0x27d4eb2f, 0x165667b1);
  for (let i = 0; i < 16; i += 4) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
    h ^= h >>> 15;
    out[i] = h & 255;
    out[i + 1] = (h >>> 8) & 255;
    out[i + 2] = (h >>> 16) & 255;
    out[i + 3] = (h >>> 24) & 255;
  }
  return out;
}
