import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.server.inject({ method: 'GET', url, headers });

describe('area routes', () => {
  it('serves the 2020 provinces with districts, compact, without an API key, cacheable', async () => {
    const response = await get('/v1/areas');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const body = response.json() as {
      id: string;
      provinces: { iso: string; vi: string; en: string; population: number; districts: object[] }[];
    };
    expect(body.id).toBe('vn-2020');
    expect(body.provinces).toHaveLength(63);
    const thaiBinh = body.provinces.find((p) => p.iso === 'VN-20');
    expect(thaiBinh).toMatchObject({ vi: 'Thái Bình', en: 'Thai Binh', population: 1_860_447 });
    expect(Object.keys(thaiBinh ?? {})).toEqual(['iso', 'vi', 'en', 'population', 'districts']);
    expect(thaiBinh?.districts[0]).toEqual({ code: '336', vi: 'Thái Bình', en: 'Thai Binh' });
  });

  it('serves the 34 units of 2025 with what each was formed from', async () => {
    const response = await get('/v1/areas/2025');
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      districtsAbolished: boolean;
      provinces: { code: string; formedFrom: string[] }[];
    };
    expect(body.districtsAbolished).toBe(true);
    expect(body.provinces).toHaveLength(34);
    expect(body.provinces.find((p) => p.code === '33')?.formedFrom).toEqual(['VN-66', 'VN-20']);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const { etag } = (await get('/v1/areas')).headers;
    const again = await get('/v1/areas', { 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/v1/areas', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await get('/docs/json')).json() as { paths: Record<string, { get: { tags: string[] } }> };
    expect(doc.paths['/v1/areas']?.get.tags).toEqual(['areas']);
    expect(doc.paths['/v1/areas/2025']?.get.tags).toEqual(['areas']);
  });
});
