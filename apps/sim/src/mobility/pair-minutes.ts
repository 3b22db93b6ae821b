/**
 * Minutes per pair of people, in an open-addressing hash table on typed arrays (linear probing,
 * doubled at half full). A Map keyed by a·people + b is five times slower at 100,000 people: its
 * keys leave the small-integer range and every update allocates.
 */
export class PairMinutes {
  private a = new Int32Array(1 << 16).fill(-1);
  private b = new Int32Array(1 << 16);
  private minutes = new Int32Array(1 << 16);
  private used = 0;

  /** Number of distinct pairs. */
  get size(): number {
    return this.used;
  }

  /** Adds `minutes` to pair (a, b). */
  add(a: number, b: number, minutes: number): void {
    if (this.used * 2 >= this.a.length) this.grow();
    const mask = this.a.length - 1;
    let slot = hash(a, b) & mask;
    for (;;) {
      const stored = this.a[slot] ?? -1;
      if (stored === -1) {
        this.a[slot] = a;
        this.b[slot] = b;
        this.minutes[slot] = minutes;
        this.used++;
        return;
      }
      if (stored === a && this.b[slot] === b) {
        this.minutes[slot] = (this.minutes[slot] ?? 0) + minutes;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Calls `visit` for every pair with its minutes (in table order). */
  forEach(visit: (a: number, b: number, minutes: number) => void): void {
    for (let slot = 0; slot < this.a.length; slot++) {
      const a = this.a[slot] ?? -1;
      if (a !== -1) visit(a, this.b[slot] ?? 0, this.minutes[slot] ?? 0);
    }
  }

  /** Forgets every pair (keeps the capacity). */
  clear(): void {
    this.a.fill(-1);
    this.used = 0;
  }

  private grow(): void {
    const { a, b, minutes } = this;
    this.a = new Int32Array(a.length * 2).fill(-1);
    this.b = new Int32Array(a.length * 2);
    this.minutes = new Int32Array(a.length * 2);
    this.used = 0;
    for (let slot = 0; slot < a.length; slot++) {
      const first = a[slot] ?? -1;
      if (first !== -1) this.add(first, b[slot] ?? 0, minutes[slot] ?? 0);
    }
  }
}

/** Mixes two 31-bit ids into a 32-bit hash (multiply–xorshift). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
