import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition } from '../metrics/exposition-parser.js';
import { pastKeys, publish, publishRequest } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const HOUR = 3_600_000;
const TOKEN = Buffer.alloc(32, 9).toString('base64');
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bz-metrics-'));
  t = await createTestApp({ BLUEZONE_DATA_DIR: dataDir, BLUEZONE_METRICS_TOKEN: TOKEN });
});
afterAll(async () => {
  await t.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function scrape(): Promise<Map<string, number>> {
  const response = await t.app.server.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(response.body).samples;
}

describe('GET /metrics', () => {
  it('needs the bearer token, and is absent when no token is configured', async () => {
    const get = (app: TestApp, authorization?: string) =>
      app.app.server.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
    expect((await get(t)).statusCode).toBe(401);
    expect((await get(t, `Bearer ${TOKEN}x`)).json()).toMatchObject({ errorCode: 'unauthorized' });
    const plain = await createTestApp();
    try {
      expect((await get(plain, `Bearer ${TOKEN}`)).json()).toMatchObject({ errorCode: 'not_found' });
    } finally {
      await plain.app.close();
    }
  });

  it('counts requests, codes, published and refused keys, exports; never labels with codes or keys', async () => {
    const before = await scrape();
    const authority = await t.provision('VN');
    const keys = pastKeys(t, 3);
    const request = await publishRequest(t, authority, 'confirmed', keys);
    expect((await publish(t, request)).status).toBe(200);
    expect((await publish(t, { ...request, healthAuthorityID: 'XX' })).status).toBe(401);
    await t.app.server.inject({ method: 'GET', url: '/no/such/path/123' });
    t.clock.advance(3 * HOUR);
    const pass = await t.app.runExportPass();
    expect(pass.files).toBeGreaterThan(0);

    const after = await scrape();
    const delta = (series: string) => (after.get(series) ?? 0) - (before.get(series) ?? 0);
    expect(delta('bluezone_published_keys_total{report_type="CONFIRMED_TEST"}')).toBe(3);
    expect(delta('bluezone_publish_rejected_total{error_code="unknown_health_authority"}')).toBe(1);
    expect(delta('bluezone_verification_codes_issued_total{test_type="confirmed"}')).toBe(1);
    expect(delta('bluezone_verification_codes_verified_total{test_type="confirmed"}')).toBe(1);
    expect(delta('bluezone_http_requests_total{method="POST",route="/v1/publish",status_class="2xx"}')).toBe(
      1,
    );
    expect(delta('bluezone_http_requests_total{method="POST",route="/v1/publish",status_class="4xx"}')).toBe(
      1,
    );
    expect(delta('bluezone_http_requests_total{method="GET",route="(unmatched)",status_class="4xx"}')).toBe(
      1,
    );
    expect(delta('bluezone_http_request_duration_seconds_count{method="POST",route="/api/issue"}')).toBe(1);
    expect(delta('bluezone_export_passes_total')).toBe(1);
    expect(delta('bluezone_export_batches_total')).toBe(pass.batches);
    expect(delta('bluezone_export_files_total')).toBe(pass.files);
    expect(delta('bluezone_export_keys_total')).toBe(3);
    expect(after.get('bluezone_export_last_pass_timestamp_seconds')).toBe(t.clock.now().getTime() / 1000);
    // The scrape itself is in flight while it renders.
    expect(after.get('bluezone_http_requests_in_flight')).toBe(1);
    expect(after.get('bluezone_http_errors_total')).toBeUndefined();

    const text = [...after.keys()].join('\n');
    expect(text).not.toContain('/no/such/path');
    for (const key of keys) expect(text).not.toContain(key.key);
    expect(text).not.toContain('127.0.0.1');
  });
});
