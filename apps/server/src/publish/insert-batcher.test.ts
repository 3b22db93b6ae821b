import { describe, expect, it } from 'vitest';
import type { InsertOutcome, NewExposures } from '../exposures/exposure.repository.js';
import { createInsertBatcher } from './insert-batcher.js';

const publishOf = (...keyBytes: number[]): NewExposures => ({
  region: 'VN',
  healthAuthorityId: '00000000-0000-0000-0000-000000000000',
  reportType: 'CONFIRMED_TEST',
  traveler: false,
  createdAt: new Date(0),
  provinces: [],
  keys: keyBytes.map((b) => ({
    exposureKey: new Uint8Array(16).fill(b),
    rollingStartIntervalNumber: 0,
    rollingPeriod: 144,
    transmissionRisk: 0,
    daysSinceOnsetOfSymptoms: null,
    exportableAt: new Date(0),
  })),
});

/** A fake database: records the statements; a statement including key 99 fails; key 7 is stored. */
function fakeDatabase() {
  const statements: number[][][] = [];
  const release: (() => void)[] = [];
  const insertMany = async (publishes: readonly NewExposures[]): Promise<InsertOutcome[]> => {
    statements.push(publishes.map((p) => p.keys.map((k) => k.exposureKey[0] as number)));
    await new Promise<void>((resolve) => release.push(resolve));
    if (publishes.some((p) => p.keys.some((k) => k.exposureKey[0] === 99))) throw new Error('bad row');
    return publishes.map((p) => {
      const stored = p.keys.filter((k) => k.exposureKey[0] === 7);
      return stored.length > 0
        ? {
            inserted: 0,
            stored: stored.map((k) => ({ ...k, reportType: 'X', revisedReportType: null, revisedAt: null })),
          }
        : { inserted: p.keys.length, stored: [] };
    });
  };
  /** Lets every statement finish, including those the finished ones start. */
  const releaseAll = async () => {
    for (let round = 0; round < 20; round++) {
      for (const finish of release.splice(0)) finish();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return { statements, insertMany, releaseAll };
}

describe('insert batcher (group commit)', () => {
  it('sends at once while statements are free, then coalesces the waiting publishes', async () => {
    const db = fakeDatabase();
    const insert = createInsertBatcher(db.insertMany, { maxInFlight: 1 });
    const answers = [
      insert(publishOf(1, 2)),
      insert(publishOf(3)),
      insert(publishOf(4, 5, 6)),
      insert(publishOf(7, 8)),
    ];
    await db.releaseAll();
    expect(db.statements).toEqual([[[1, 2]], [[3], [4, 5, 6], [7, 8]]]);
    expect((await Promise.all(answers)).map((a) => [a.inserted, a.stored.length])).toEqual([
      [2, 0],
      [1, 0],
      [3, 0],
      [0, 1],
    ]);
  });

  it('never puts two publishes sharing a key into one statement, and caps the publishes per statement', async () => {
    const db = fakeDatabase();
    const insert = createInsertBatcher(db.insertMany, { maxInFlight: 1, maxPublishes: 2 });
    const answers = [1, 2, 3, 2, 4, 5].map((k) => insert(publishOf(k, 50 + k)));
    await db.releaseAll();
    expect(db.statements.map((s) => s.map((p) => p[0]))).toEqual([[1], [2, 3], [2, 4], [5]]);
    await Promise.all(answers);
  });

  it('keeps a failure with the publish that caused it', async () => {
    const db = fakeDatabase();
    const insert = createInsertBatcher(db.insertMany, { maxInFlight: 1 });
    const first = insert(publishOf(1));
    const [good, bad, other] = [insert(publishOf(2)), insert(publishOf(99, 3)), insert(publishOf(4))].map(
      (p) =>
        p.then(
          (outcome) => outcome.inserted,
          (error: Error) => error.message,
        ),
    );
    await db.releaseAll();
    expect(await first).toEqual({ inserted: 1, stored: [] });
    expect([await good, await bad, await other]).toEqual([1, 'bad row', 1]);
  });

  it('answers a publish with no key to insert without a statement', async () => {
    const db = fakeDatabase();
    const insert = createInsertBatcher(db.insertMany);
    expect(await insert(publishOf())).toEqual({ inserted: 0, stored: [] });
    expect(db.statements).toEqual([]);
  });
});
