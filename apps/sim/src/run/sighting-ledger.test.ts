import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SightingLedger } from './sighting-ledger.js';

describe('SightingLedger', () => {
  it('gives every record back by receiver and by transmitter, in time order, as added', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            receiver: fc.integer({ min: 0, max: 9 }),
            transmitter: fc.integer({ min: 0, max: 9 }),
            seconds: fc.integer({ min: 0, max: 86_399 }),
            rssi: fc.integer({ min: -110, max: -30 }),
          }),
          { maxLength: 300 },
        ),
        (records) => {
          const ledger = new SightingLedger(10);
          ledger.openDay(0);
          // Added roughly in time order, as the simulation does (minute by minute).
          const added = [...records].sort((a, b) => Math.floor(a.seconds / 60) - Math.floor(b.seconds / 60));
          for (const r of added) ledger.add(r.receiver, r.transmitter, r.seconds, r.rssi);
          const day = ledger.closeDay();
          expect(day.count).toBe(records.length);
          const key = (r: { receiver: number; transmitter: number; seconds: number; rssi: number }) =>
            `${r.receiver}/${r.transmitter}/${r.seconds}/${r.rssi}`;
          const back = (id: number) => ({
            receiver: day.receiverOf(id),
            transmitter: day.transmitter[id] as number,
            seconds: day.seconds[id] as number,
            rssi: day.rssi[id] as number,
          });
          const viaReceiver: string[] = [];
          const viaTransmitter: string[] = [];
          for (let p = 0; p < 10; p++) {
            const heard = [...day.heardBy(p)].map(back);
            expect(heard.every((r) => r.receiver === p)).toBe(true);
            expect(heard.map((r) => r.seconds)).toEqual(heard.map((r) => r.seconds).sort((a, b) => a - b));
            viaReceiver.push(...heard.map(key));
            const sent = [...day.heardFrom(p)].map(back);
            expect(sent.every((r) => r.transmitter === p)).toBe(true);
            expect(sent.map((r) => r.seconds)).toEqual(sent.map((r) => r.seconds).sort((a, b) => a - b));
            viaTransmitter.push(...sent.map(key));
          }
          const all = records.map(key).sort();
          expect(viaReceiver.sort()).toEqual(all);
          expect(viaTransmitter.sort()).toEqual(all);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('opens days in order only, and counts records over all days', () => {
    const ledger = new SightingLedger(3);
    expect(() => ledger.openDay(1)).toThrow(RangeError);
    ledger.openDay(0);
    ledger.add(0, 1, 10, -60);
    ledger.closeDay();
    ledger.openDay(1);
    ledger.add(2, 1, 86_410, -70);
    ledger.add(1, 2, 86_420, -200);
    ledger.closeDay();
    expect(ledger.records).toBe(3);
    expect(ledger.day(1)?.rssi[0]).toBe(-128);
    expect(ledger.day(2)).toBeUndefined();
  });
});
