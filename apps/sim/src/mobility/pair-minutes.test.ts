import { Random } from '@bluezone/epidemic';
import { describe, expect, it } from 'vitest';
import { PairMinutes } from './pair-minutes.js';

describe('PairMinutes', () => {
  it('sums minutes per pair like a Map, through growth and clearing', () => {
    const random = new Random(8);
    const table = new PairMinutes();
    const reference = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const a = random.integer(0, 3000);
      const b = a + random.integer(1, 50);
      table.add(a, b, 5);
      reference.set(`${a}-${b}`, (reference.get(`${a}-${b}`) ?? 0) + 5);
    }
    expect(table.size).toBe(reference.size);
    let checked = 0;
    table.forEach((a, b, minutes) => {
      expect(minutes).toBe(reference.get(`${a}-${b}`));
      checked++;
    });
    expect(checked).toBe(reference.size);
    table.clear();
    expect(table.size).toBe(0);
    table.add(1, 2, 3);
    table.forEach((a, b, minutes) => {
      expect([a, b, minutes]).toEqual([1, 2, 3]);
    });
  });
});
