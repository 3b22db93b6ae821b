import { createAdoptionClient, type HttpTransport } from '@bluezone/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The app's adoption client (@bluezone/api) against the real routes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

const transport: HttpTransport = async (request) => {
  const answer = await t.app.server.inject({
    method: request.method,
    url: new URL(request.url).pathname,
    headers: request.headers,
    ...(request.body === undefined ? {} : { payload: request.body }),
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) headers[name] = String(value);
  return { status: answer.statusCode, headers, body: answer.body };
};

describe('adoption client', () => {
  it('reports an install and an active signal, and names a bad report', async () => {
    const client = createAdoptionClient(transport, 'http://server/');
    const report = { province: 'VN-20', platform: 'web', appVersion: '1.0.0' } as const;
    expect(await client.install({ ...report, organisation: 'NOPE' })).toEqual({
      counted: true,
      day: '2026-03-10',
    });
    expect(await client.active(report)).toMatchObject({ counted: true });
    await expect(client.install({ ...report, province: 'VN-99' })).rejects.toMatchObject({
      status: 400,
      code: 'unknown_province',
    });
  });
});
