import { describe, expect, it } from 'vitest';
import { batchRandom } from './export-random.js';

const key = new Uint8Array(32).fill(9);

describe('batchRandom', () => {
  it('is the same stream for the same key and batch, another for another batch or key', () => {
    const a = batchRandom(key, 'VN 1 2').bytes(64);
    expect(batchRandom(key, 'VN 1 2').bytes(64)).toEqual(a);
    expect(batchRandom(key, 'VN 2 3').bytes(64)).not.toEqual(a);
    expect(batchRandom(new Uint8Array(32).fill(8), 'VN 1 2').bytes(64)).not.toEqual(a);
    const stream = batchRandom(key, 'VN 1 2');
    expect(stream.bytes(16)).not.toEqual(stream.bytes(16));
  });

  it('draws integers uniformly in 0…n-1', () => {
    const random = batchRandom(key, 'ints');
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 7000; i++) counts[random.int(7)]++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
    expect(random.int(1)).toBe(0);
    expect(() => random.int(0)).toThrow(RangeError);
  });
});
