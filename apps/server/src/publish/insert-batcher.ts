import type { InsertOutcome, NewExposures } from '../exposures/exposure.repository.js';

/** Statements of coalesced inserts running at once (the pool has 10 connections). */
export const MAX_INSERTS_IN_FLIGHT = 4;
/** Publishes per statement at most (a 30-key publish makes 30 rows, so ≤ 1,920 rows). */
export const MAX_PUBLISHES_PER_INSERT = 64;

interface Waiting {
  readonly rows: NewExposures;
  readonly resolve: (outcome: InsertOutcome) => void;
  readonly reject: (error: unknown) => void;
}

interface Batch {
  readonly waiting: Waiting[];
  /** The keys of the batch (latin1 strings): a key is in one publish of a statement at most. */
  readonly keys: Set<string>;
}

const keyString = (key: Uint8Array) =>
  Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');

/**
 * Group commit of publishes' inserts. A publish's keys are sent at once while fewer than
 * `maxInFlight` statements run; otherwise they wait and leave together with the other waiting
 * publishes in one statement (one transaction) when a statement finishes, so under load the
 * database makes one statement and one commit for many publishes, and at rest nobody waits.
 * Each publish gets exactly its own outcome; two publishes sharing a key never share a statement
 * (they behave as two concurrent statements), and when a statement fails its publishes are retried
 * one by one, so an error stays with the publish that caused it.
 */
export function createInsertBatcher(
  insertMany: (publishes: readonly NewExposures[]) => Promise<InsertOutcome[]>,
  { maxInFlight = MAX_INSERTS_IN_FLIGHT, maxPublishes = MAX_PUBLISHES_PER_INSERT } = {},
) {
  const queue: Batch[] = [];
  let inFlight = 0;

  async function run(waiting: Waiting[]): Promise<void> {
    try {
      const outcomes = await insertMany(waiting.map((w) => w.rows));
      waiting.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome) w.resolve(outcome);
        else w.reject(new Error('insert batcher: no outcome for a publish'));
      });
    } catch (error) {
      if (waiting.length === 1) waiting[0]?.reject(error);
      else await Promise.all(waiting.map((w) => run([w])));
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.shift() as Batch;
      inFlight++;
      void run(batch.waiting).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return function insert(rows: NewExposures): Promise<InsertOutcome> {
    if (rows.keys.length === 0) return Promise.resolve({ inserted: 0, stored: [] });
    return new Promise<InsertOutcome>((resolve, reject) => {
      const keys = rows.keys.map((k) => keyString(k.exposureKey));
      let batch = queue.find((b) => b.waiting.length < maxPublishes && !keys.some((k) => b.keys.has(k)));
      if (!batch) {
        batch = { waiting: [], keys: new Set() };
        queue.push(batch);
      }
      batch.waiting.push({ rows, resolve, reject });
      for (const k of keys) batch.keys.add(k);
      pump();
    });
  };
}
