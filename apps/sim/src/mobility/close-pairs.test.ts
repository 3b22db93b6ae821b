import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { findClosePairs } from './close-pairs.js';
import { ContactBatch } from './contact-batch.js';

describe('findClosePairs', () => {
  it('finds exactly the pairs within range, with the grid as with brute force', () => {
    const random = new Random(5);
    for (const people of [10, 200, 2000]) {
      const side = Math.sqrt(people * 4);
      const x = Float32Array.from({ length: people }, () => random.next() * side);
      const y = Float32Array.from({ length: people }, () => random.next() * side);
      const carrying = new Uint8Array(people);
      const batch = new ContactBatch();
      findClosePairs([...x.keys()], 7, x, y, carrying, 5, batch);
      const found = new Set<string>();
      for (let i = 0; i < batch.count; i++) {
        expect(batch.a[i]).toBeLessThan(batch.b[i] ?? 0);
        expect(batch.place[i]).toBe(7);
        found.add(`${batch.a[i]}-${batch.b[i]}`);
      }
      let expected = 0;
      for (let a = 0; a < people; a++) {
        for (let b = a + 1; b < people; b++) {
          const d = Math.hypot((x[a] ?? 0) - (x[b] ?? 0), (y[a] ?? 0) - (y[b] ?? 0));
          if (d <= 5) {
            expected++;
            expect(found.has(`${a}-${b}`)).toBe(true);
          }
        }
      }
      expect(batch.count).toBe(expected);
      expect(found.size).toBe(expected);
    }
  });
});
