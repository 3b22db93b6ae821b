import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Authority,
  pastKeys,
  publish,
  publishRequest,
  storedExposures,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let authority: Authority;
let valid: Record<string, unknown>;
let validKeys: Set<string>;
beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' });
  authority = await t.provision();
  const keys = pastKeys(t, 5);
  valid = { ...(await publishRequest(t, authority, 'confirmed', keys)) };
  validKeys = new Set(keys.map((k) => Buffer.from(k.key, 'base64').toString('hex')));
});
afterAll(() => t.app.close());

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
  fc.base64String({ maxLength: 40 }),
);
const FIELDS = [
  'temporaryExposureKeys',
  'healthAuthorityID',
  'verificationPayload',
  'hmacKey',
  'symptomOnsetInterval',
  'traveler',
  'revisionToken',
  'padding',
];
const KEY_FIELDS = ['key', 'rollingStartNumber', 'rollingPeriod', 'transmissionRisk'];

/** One change to the valid request: a field replaced or removed, or one field of one key. */
const mutation = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), value: anyValue }),
  fc.record({ field: fc.constantFrom(...FIELDS), value: fc.constant(undefined) }),
  fc.record({ index: fc.nat(5), keyField: fc.constantFrom(...KEY_FIELDS), value: anyValue }),
);

function mutate(changes: readonly object[]) {
  const request = structuredClone(valid);
  for (const change of changes) {
    const { field, index, keyField, value } = change as {
      field?: string;
      index?: number;
      keyField?: string;
      value: unknown;
    };
    if (field) request[field] = value;
    else {
      const keys = request.temporaryExposureKeys as Record<string, unknown>[] | undefined;
      const key = Array.isArray(keys) ? keys[(index ?? 0) % Math.max(keys.length, 1)] : undefined;
      if (key && typeof key === 'object') key[keyField as string] = value;
    }
  }
  return request;
}

describe('random and mutated publish requests', () => {
  it('never answer 5xx and store only the certified keys as certified', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .array(mutation, { minLength: 1, maxLength: 3 })
            .map((changes) => JSON.stringify(mutate(changes))),
          fc.json(),
          fc.string(),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        ),
        fc.boolean(),
        async (body, chaff) => {
          const answer = await publish(t, body, chaff ? { 'x-chaff': '1' } : {});
          expect(answer.status).toBeLessThan(500);
          expect((answer.json.padding as string).length).toBeGreaterThanOrEqual(1024);
          if (chaff) expect(answer.status).toBe(200);
        },
      ),
      { numRuns: 250, seed: 20260310 },
    );
    const rows = await storedExposures(t, authority.healthAuthorityId);
    // Some mutations (padding, traveler, onset) keep the request valid: the five keys, stored once.
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(validKeys.has(Buffer.from(row.exposureKey).toString('hex'))).toBe(true);
      expect(row.reportType).toBe('CONFIRMED_TEST');
      expect(row.revisedAt).toBeNull();
    }
  });
});
