import { computeTekmac, type PublishedKey, verifyTekmac } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

describe('the certificate binds the phone’s keys (tekmac, docs/protocol.md §5)', () => {
  it('carries the HMAC the phone computed over its keys, which the key server can check', async () => {
    const { adminKey, deviceKey } = await t.provision();
    const hmacKey = new Uint8Array(32).fill(3);
    const keys: PublishedKey[] = [
      {
        key: Buffer.alloc(16, 1).toString('base64'),
        rollingStartNumber: 2_963_952,
        rollingPeriod: 144,
        transmissionRisk: 0,
      },
      {
        key: Buffer.alloc(16, 2).toString('base64'),
        rollingStartNumber: 2_964_096,
        rollingPeriod: 144,
        transmissionRisk: 0,
      },
    ];
    const ekeyhmac = computeTekmac(hmacKey, keys);
    const code = (await t.post('/api/issue', adminKey, { testType: 'confirmed', symptomDate: '2026-03-07' }))
      .json.code;
    const token = (await t.post('/api/verify', deviceKey, { code })).json.token;
    const certificate = (await t.post('/api/certificate', deviceKey, { token, ekeyhmac })).json
      .certificate as string;
    const claims = claimsOf(certificate);
    expect(verifyTekmac(hmacKey, keys, claims.tekmac)).toBe(true);
    expect(verifyTekmac(hmacKey, keys.slice(1), claims.tekmac)).toBe(false);
  });

  it('gives negative codes without a date a symptom onset interval of 0', async () => {
    const { adminKey, deviceKey } = await t.provision();
    const code = (await t.post('/api/issue', adminKey, { testType: 'negative' })).json.code;
    const verified = await t.post('/api/verify', deviceKey, { code, accept: ['negative'] });
    expect(verified.json).toMatchObject({ testtype: 'negative' });
    expect(verified.json.symptomDate).toBeUndefined();
    const ekeyhmac = Buffer.alloc(32, 5).toString('base64');
    const cert = await t.post('/api/certificate', deviceKey, { token: verified.json.token, ekeyhmac });
    expect(claimsOf(cert.json.certificate as string)).toMatchObject({
      reportType: 'negative',
      symptomOnsetInterval: 0,
    });
  });

  it('prefers the symptom date over the test date for the onset', async () => {
    const { adminKey, deviceKey } = await t.provision();
    const issued = await t.post('/api/issue', adminKey, {
      testType: 'likely',
      symptomDate: '2026-03-05',
      testDate: '2026-03-08',
    });
    const token = (await t.post('/api/verify', deviceKey, { code: issued.json.longCode, accept: ['likely'] }))
      .json.token;
    const cert = await t.post('/api/certificate', deviceKey, {
      token,
      ekeyhmac: Buffer.alloc(32).toString('base64'),
    });
    expect(claimsOf(cert.json.certificate as string)).toMatchObject({
      reportType: 'likely',
      symptomOnsetInterval: Date.parse('2026-03-05T00:00:00Z') / 600_000,
    });
  });
});
