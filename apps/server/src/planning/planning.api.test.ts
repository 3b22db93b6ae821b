import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createAdoptionCurveRepository } from './adoption-curve.repository.js';
import { curveInputs } from './curve-inputs.js';

// The "What adoption buys" route and its background computation. Thái Bình is VN-20, Yên Bái VN-06.

const ROUTE = '/console/api/planning/adoption-curve';
const SMALL = { BLUEZONE_PLANNER_PEOPLE: '300', BLUEZONE_PLANNER_SEEDS: '1' };

/** Asks until the curve is ready (the worker runs in the background), within generous bounds. */
async function untilReady(agent: Agent, url: string) {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 1200; attempt++) {
    const answer = await agent.request('GET', url);
    if (answer.status === 200) return { answer, seen };
    expect(answer.status).toBe(202);
    seen.push(Number(answer.json.progress));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the curve was not computed within two minutes');
}

describe('planning: the adoption curve computed in the background', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ...SMALL, BLUEZONE_PLANNER_WORKER: 'true' });
  });
  afterAll(() => t.app.close());

  it('answers 202 at once, computes in a worker, then serves the cached curve', async () => {
    const national = await userAgent(t, { role: 'national' });
    const first = await national.request('GET', ROUTE);
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ area: 'VN', regime: 'baseline', canChangeRegime: true, curve: null });
    expect(['queued', 'computing']).toContain(first.json.status);

    const { answer, seen } = await untilReady(national, ROUTE);
    expect(seen.every((share, i) => i === 0 || share >= (seen[i - 1] as number))).toBe(true);
    expect(answer.json).toMatchObject({ status: 'ready', progress: 1, error: null });
    expect(answer.json.settings).toMatchObject({ people: 300, seeds: 1, days: 120 });
    const curve = answer.json.curve as {
      people: number;
      points: { adoption: number; cutF1: { mean: number }; quarantineDaysF2: { mean: number } }[];
      reference: { totalInfected: { mean: number } };
    };
    expect(curve.people).toBe(300);
    expect(curve.points.map((p) => p.adoption)).toEqual([0.1, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve.reference.totalInfected.mean).toBeGreaterThanOrEqual(5);

    // Another area with the same model inputs, and the same area again: the cache, no new computation.
    const province = await userAgent(t, { role: 'province', province: 'VN-20' });
    const again = await province.request('GET', `${ROUTE}?area=VN-20`);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ area: 'VN-20', canChangeRegime: false, curve });
    expect(await createAdoptionCurveRepository(t.app.core.db).pending()).toBe(0);

    // Another regime is another set of inputs: computed on its own.
    const analyst = await userAgent(t, { role: 'analyst' });
    const near = await analyst.request('GET', `${ROUTE}?regime=near-threshold`);
    expect(near.status).toBe(202);
    const ready = await untilReady(analyst, `${ROUTE}?regime=near-threshold`);
    expect(ready.answer.json.regime).toBe('near-threshold');
    expect(ready.answer.json.curve).not.toEqual(curve);
  });
});

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(SMALL, await database.location());
  });
  afterAll(() => t.app.close());

  it('scopes areas and regimes by role and refuses unknown provinces', async () => {
    const thaiBinh = await userAgent(t, { role: 'province', province: 'VN-20' });
    expect((await thaiBinh.request('GET', `${ROUTE}?area=VN-20`)).status).toBe(202);
    const other = await thaiBinh.request('GET', `${ROUTE}?area=VN-06`);
    expect([other.status, other.json.errorCode]).toEqual([403, 'forbidden_area']);
    expect((await thaiBinh.request('GET', ROUTE)).json.errorCode).toBe('forbidden_area');
    const regime = await thaiBinh.request('GET', `${ROUTE}?area=VN-20&regime=near-threshold`);
    expect([regime.status, regime.json.errorCode]).toEqual([403, 'forbidden_role']);

    const analyst = await userAgent(t, { role: 'analyst', province: 'VN-20' });
    const near = await analyst.request('GET', `${ROUTE}?area=VN-20&regime=near-threshold`);
    expect(near.status).toBe(202);
    expect(near.json).toMatchObject({ regime: 'near-threshold', canChangeRegime: true, status: 'queued' });

    const national = await userAgent(t, { role: 'national' });
    const unknown = await national.request('GET', `${ROUTE}?area=VN-99`);
    expect([unknown.status, unknown.json.errorCode]).toEqual([400, 'unknown_province']);
    const bad = await national.request('GET', `${ROUTE}?regime=slow`);
    expect(bad.status).toBe(400);
    const caseworker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
    expect((await caseworker.request('GET', `${ROUTE}?area=VN-20`)).json.errorCode).toBe('forbidden_role');
  });

  it('leases a queued curve to one process at a time; a lapsed lease passes to another', async () => {
    const a = createAdoptionCurveRepository(t.app.core.db);
    const b = createAdoptionCurveRepository(t.app.core.db);
    const inputs = curveInputs('baseline', { people: 1234, seeds: 2 });
    const now = () => t.clock.now();
    await a.request(inputs.hash, 'baseline', inputs.options, now());
    await b.request(inputs.hash, 'baseline', inputs.options, now());
    // What the other test queued is set aside (failed), so only ours is left in the queue.
    for (let row = await a.claim('drain', now(), 60_000); row; row = await a.claim('drain', now(), 60_000)) {
      if (row.inputsHash === inputs.hash) {
        await a.release(inputs.hash, 'drain');
        break;
      }
      await a.fail(row.inputsHash, 'drain', 'set aside by the test', now());
    }
    const first = await a.claim('process-a', now(), 60_000);
    expect(first?.inputsHash).toBe(inputs.hash);
    expect(first?.inputs).toEqual(JSON.parse(JSON.stringify(inputs.options)));
    expect(await b.claim('process-b', now(), 60_000)).toBeUndefined();
    expect(await a.progress(inputs.hash, 'process-a', 0.5, now(), 60_000)).toBe(true);

    t.clock.advance(61_000);
    const taken = await b.claim('process-b', now(), 60_000);
    expect(taken?.inputsHash).toBe(inputs.hash);
    expect(await a.progress(inputs.hash, 'process-a', 0.6, now(), 60_000)).toBe(false);
    expect(await a.complete(inputs.hash, 'process-a', { points: [] }, now())).toBe(false);
    expect(await b.complete(inputs.hash, 'process-b', { points: [] }, now())).toBe(true);
    expect(await a.find(inputs.hash)).toMatchObject({ status: 'ready', progress: 1, curve: { points: [] } });
  });
});
