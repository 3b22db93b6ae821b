import { describe, expect, it } from 'vitest';
import { Random } from '../random/random.js';
import { QuarantineLedger, SELF, TRACED } from './quarantine-ledger.js';

const order = { reason: TRACED, length: 14, dailyDropout: 0.03, place: 'home' } as const;

describe('QuarantineLedger', () => {
  it('lets a share `compliance` of the notified enter, then loses 3 % a day until day 14', () => {
    const n = 20_000;
    const ledger = new QuarantineLedger(n, new Random(1));
    let complied = 0;
    for (let person = 0; person < n; person++) if (ledger.notify(person, 0, order, 0.9)) complied++;
    // Binomial(20,000, 0.9): sd 42.
    expect(Math.abs(complied - 18_000)).toBeLessThan(200);
    expect(ledger.entries).toBe(complied);
    expect(ledger.tracedEntries).toBe(complied);
    const counts = [ledger.count(0)];
    for (let day = 1; day <= 15; day++) {
      ledger.dropOuts(day);
      counts.push(ledger.count(day));
    }
    // Still in on day d: 0.97^d of those who entered; nobody after the 14 days.
    for (const day of [1, 5, 13]) expect((counts[day] ?? 0) / complied).toBeCloseTo(0.97 ** day, 1);
    expect(counts[14]).toBe(0);
    const expectedDays = complied * Array.from({ length: 14 }, (_, d) => 0.97 ** d).reduce((a, b) => a + b);
    expect(ledger.personDays / expectedDays).toBeCloseTo(1, 1);
    expect(ledger.mostAtOnce).toBe(complied);
  });

  it('merges a second order into a running quarantine without a new entry', () => {
    const ledger = new QuarantineLedger(2, new Random(2));
    expect(ledger.enter(0, 0, { ...order, reason: SELF, length: 7 })).toBe(true);
    expect(ledger.enter(0, 3, order)).toBe(false);
    expect(ledger.until[0]).toBe(17);
    expect(ledger.entries).toBe(1);
    ledger.release(0);
    expect(ledger.isIn(0, 4)).toBe(false);
  });
});
