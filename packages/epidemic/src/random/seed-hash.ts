/**
 * Seed hashing: turns a seed (number or text) and a chain of stream labels into the 128-bit state of
 * a generator. Four 32-bit lanes are mixed with multiply–xorshift steps (the finaliser pattern of
 * MurmurHash3), so that labels differing in one character give unrelated streams.
 */

/** 32-bit multiply–xorshift finaliser (MurmurHash3's fmix32 constants). */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a text key into four 32-bit words (never all zero). */
export function hashKey(key: string): [number, number, number, number] {
  let h1 = 0x9e3779b9;
  let h2 = 0x243f6a88;
  let h3 = 0xb7e15162;
  let h4 = 0x452821e6;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h3 = Math.imul(h3 ^ code, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ code, 0x165667b1);
    h1 = (h1 + (h4 >>> 7)) | 0;
    h2 = (h2 + (h1 >>> 11)) | 0;
    h3 = (h3 + (h2 >>> 5)) | 0;
    h4 = (h4 + (h3 >>> 13)) | 0;
  }
  const length = key.length;
  const words: [number, number, number, number] = [
    mix32(h1 ^ length),
    mix32(h2 ^ h1),
    mix32(h3 ^ h2),
    mix32(h4 ^ h3),
  ];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return words;
}

/** The key of a stream: its seed, then each fork label, separated so that no two chains collide. */
export function streamKey(seed: number | string, labels: readonly string[]): string {
  const root = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  return labels.reduce((key, label) => `${key}\u0000${label.length}:${label}`, root);
}
