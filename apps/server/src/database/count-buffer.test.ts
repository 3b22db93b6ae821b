import { describe, expect, it } from 'vitest';
import { CountBuffer } from './count-buffer.js';

describe('CountBuffer', () => {
  it('adds counts per key in memory and writes each touched row once, in key order', async () => {
    const writes: { key: string; counts: readonly number[] }[][] = [];
    const buffer = new CountBuffer(async (rows) => {
      writes.push([...rows]);
    }, 60_000);
    buffer.add('b', [1, 0]);
    buffer.add('a', [0, 1]);
    buffer.add('b', [1, 0]);
    buffer.add('b', [0, 1]);
    expect(buffer.size).toBe(2);
    await buffer.flush();
    expect(writes).toEqual([
      [
        { key: 'a', counts: [0, 1] },
        { key: 'b', counts: [2, 1] },
      ],
    ]);
    await buffer.flush(); // nothing pending: no write
    expect(writes).toHaveLength(1);
    await buffer.close();
  });

  it('keeps the counts of a failed write for the next one', async () => {
    let fail = true;
    const written: { key: string; counts: readonly number[] }[] = [];
    const buffer = new CountBuffer(async (rows) => {
      if (fail) throw new Error('database down');
      written.push(...rows);
    }, 60_000);
    buffer.add('x', [3]);
    await expect(buffer.flush()).rejects.toThrow('database down');
    buffer.add('x', [2]);
    fail = false;
    await buffer.close();
    expect(written).toEqual([{ key: 'x', counts: [5] }]);
  });

  it('writes on its own every flushMs', async () => {
    let resolveWrite: (rows: readonly { key: string; counts: readonly number[] }[]) => void = () => {};
    const written = new Promise<readonly { key: string; counts: readonly number[] }[]>((r) => {
      resolveWrite = r;
    });
    const buffer = new CountBuffer(async (rows) => resolveWrite(rows), 10);
    buffer.add('k', [1]);
    expect(await written).toEqual([{ key: 'k', counts: [1] }]);
    await buffer.close();
  });
});
