/**
 * SFC32, Chris Doty-Humphrey's "small fast chaotic" generator from the PractRand suite: 128 bits of
 * state (three mixing words and a counter, so no seed yields a short cycle shorter than 2^32), 32-bit
 * outputs, passes PractRand and BigCrush. Implemented here from the published algorithm description.
 */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Starts from four 32-bit words and discards the first outputs so that similar seeds diverge. */
  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned output. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }
}
