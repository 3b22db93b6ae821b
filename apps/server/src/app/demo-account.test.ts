import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createConsoleAccount, ensureDemoAccount } from './demo-account.js';

let t: TestApp;
let demoPassword = '';
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

describe('ensureDemoAccount', () => {
  it('creates the demo national administrator once and its password signs in', async () => {
    const first = await ensureDemoAccount(t.app.core);
    expect(first).toMatchObject({ username: 'demo', role: 'national', created: true });
    expect(first.password?.length).toBeGreaterThanOrEqual(16);
    demoPassword = first.password ?? '';
    const agent = await signIn(t, first.username, first.password ?? '');
    expect((await agent.request('GET', '/console/api/session')).json.user).toEqual({
      username: 'demo',
      role: 'national',
      province: null,
    });
    expect(await ensureDemoAccount(t.app.core)).toEqual({
      username: 'demo',
      role: 'national',
      created: false,
    });
  });

  it('audits accounts created from the command line', async () => {
    await createConsoleAccount(t.app.core, {
      username: 'cli-made',
      password: 'a long password',
      role: 'analyst',
    });
    const demo = await signIn(t, 'demo', demoPassword);
    const entries = (await demo.request('GET', '/console/api/audit')).json.entries as Record<
      string,
      unknown
    >[];
    expect(entries.find((e) => e.target === 'cli-made')).toMatchObject({
      action: 'user_created',
      username: null,
      details: { role: 'analyst', via: 'cli' },
    });
  });
});
