import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAG_REVISED, R, RECORD_BYTES } from '../exposures/exposure-records.js';
import { sortRecords } from './export-record-sort.js';

/** Records as byte arrays: key bytes, then the rest of the record (arbitrary), revised or not. */
const recordArb = fc
  .tuple(
    fc.uint8Array({ minLength: 16, maxLength: 16 }),
    fc.uint8Array({ minLength: RECORD_BYTES - 16, maxLength: RECORD_BYTES - 16 }),
    fc.boolean(),
    fc.nat(3),
  )
  .map(([key, rest, revised, tie]) => {
    const record = new Uint8Array(RECORD_BYTES);
    record.set(key);
    if (tie > 0) record.set([7, 7, 7, 7, 7].slice(0, 2 + tie)); // ties on the first 3–5 bytes
    record.set(rest, 16);
    record[R.flags] = revised ? FLAG_REVISED : 0;
    return record;
  });

function reference(records: Uint8Array[]): Uint8Array[] {
  const order = (r: Uint8Array) =>
    Buffer.from(r.subarray(0, 16)).toString('latin1') +
    ((r[R.flags] as number) & FLAG_REVISED ? '\u0001' : '\u0000');
  return [...records].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

describe('sortRecords', () => {
  it('orders records by key bytes, unrevised first, keeping every byte of each', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 300 }),
        fc.boolean(),
        fc.boolean(),
        (records, unaligned, buffer) => {
          // Keys are unique, except that a key may come once unrevised and once revised.
          const seen = new Set<string>();
          const unique = records.filter((r) => {
            const id =
              Buffer.from(r.subarray(0, 16)).toString('hex') + ((r[R.flags] as number) & FLAG_REVISED);
            return !seen.has(id) && seen.add(id) !== undefined;
          });
          const packed = new Uint8Array(unique.length * RECORD_BYTES + (unaligned ? 1 : 0)).subarray(
            unaligned ? 1 : 0,
          );
          unique.forEach((r, i) => {
            packed.set(r, i * RECORD_BYTES);
          });
          // The driver hands over a Buffer (whose `slice` does not copy).
          const sorted = sortRecords(
            buffer ? Buffer.from(packed.buffer, packed.byteOffset, packed.length) : packed,
            unique.length,
          );
          const expected = reference(unique);
          expect(sorted.length).toBe(unique.length * RECORD_BYTES);
          expected.forEach((r, i) => {
            expect(Buffer.from(sorted.subarray(i * RECORD_BYTES, (i + 1) * RECORD_BYTES))).toEqual(
              Buffer.from(r),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
