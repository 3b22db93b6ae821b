import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { riskPreset, validateRiskConfiguration } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../blobstore/memory-blob-store.js';
import { ConfigError } from '../config/config.types.js';
import { DEFAULT_NOTICES, loadNotices } from '../notices/notices.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { loadRiskConfiguration } from './risk-configuration.js';

let t: TestApp;
const store = createMemoryBlobStore();
const ZIP = 'DI/1773129600-1773133200-00001.zip';

beforeAll(async () => {
  // A test app built around our memory store: the routes read the app's blob store.
  t = await createTestApp({}, { kind: 'memory' }, { blobStore: store });
  await t.provision('DI');
  await store.put(ZIP, new Uint8Array([80, 75, 5, 6]), { contentType: 'application/zip', cacheControl: 'x' });
  await store.put('DI/index.txt', new TextEncoder().encode(ZIP), {
    contentType: 'text/plain; charset=utf-8',
    cacheControl: 'x',
  });
});
afterAll(() => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.server.inject({ method: 'GET', url, headers });

describe('distribution routes', () => {
  it('serves the index briefly cacheable and zips immutable, both with ETags', async () => {
    const index = await get('/v1/exports/DI/index.txt');
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe(ZIP);
    expect(index.headers['cache-control']).toBe('public, max-age=300');
    expect(index.headers['content-type']).toMatch(/^text\/plain/);
    expect(index.headers.etag).toMatch(/^"[0-9a-f]+"$/);
    const zip = await get(`/v1/exports/${ZIP}`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zip.headers['content-type']).toBe('application/zip');
    expect([...zip.rawPayload]).toEqual([80, 75, 5, 6]);
    const head = await t.app.server.inject({ method: 'HEAD', url: `/v1/exports/${ZIP}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(zip.headers.etag);
    expect(head.body).toBe('');
  });

  it('answers 304 to a matching If-None-Match, 200 to a stale one', async () => {
    const { etag } = (await get('/v1/exports/DI/index.txt')).headers;
    const same = await get('/v1/exports/DI/index.txt', { 'if-none-match': `W/${etag}, "other"` });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    expect((await get('/v1/exports/DI/index.txt', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    const zipEtag = (await get(`/v1/exports/${ZIP}`)).headers.etag as string;
    expect((await get(`/v1/exports/${ZIP}`, { 'if-none-match': zipEtag })).statusCode).toBe(304);
  });

  it('answers not_found for unknown files, regions and anything that is not an export path', async () => {
    const urls = [
      '/v1/exports/DI/1773129600-1773133200-00009.zip',
      '/v1/exports/ZZ/index.txt',
      '/v1/exports/ZZ/keys.json',
      '/v1/exports/ZZ/risk-configuration.json',
      '/v1/notices/ZZ',
      '/v1/exports/DI/..%2F..%2Fsecret.key',
      '/v1/exports/..%2Fsecret.key/index.txt',
      '/v1/exports/DI/%2E%2E%2Findex.txt',
      '/v1/exports/DI/../../secret.key',
      '/v1/exports/DI/1773129600-1773133200-00001.zip%00.txt',
      '/v1/exports/di/index.txt',
      '/v1/exports/DI/export.bin',
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ errorCode: 'not_found' });
    }
  });

  it('publishes the export signing public keys', async () => {
    const response = await get('/v1/exports/DI/keys.json');
    expect(response.statusCode).toBe(200);
    const keys = response.json() as { keyId: string; keyVersion: string; publicKeyPem: string }[];
    expect(keys).toEqual([
      { keyId: 'DI', keyVersion: 'v1', publicKeyPem: expect.stringContaining('PUBLIC KEY'), active: true },
    ]);
    expect(JSON.stringify(keys)).not.toMatch(/PRIVATE/);
  });

  it('publishes the risk configuration phones score with (BLUEZONE_RISK_CONFIG, default bluezone)', async () => {
    const response = await get('/v1/exports/DI/risk-configuration.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=300/);
    expect(validateRiskConfiguration(response.json())).toEqual(riskPreset('bluezone'));
  });
});

describe('BLUEZONE_RISK_CONFIG', () => {
  it('takes a preset or a valid JSON file, and names the problem with anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bz-risk-'));
    try {
      expect(loadRiskConfiguration('cwa')).toEqual(riskPreset('cwa'));
      const file = join(dir, 'risk.json');
      writeFileSync(file, JSON.stringify({ ...riskPreset('enx'), name: 'vn-moh' }));
      expect(loadRiskConfiguration(file).name).toBe('vn-moh');
      writeFileSync(file, JSON.stringify({ ...riskPreset('enx'), weightedMinutesThreshold: -1 }));
      expect(() => loadRiskConfiguration(file)).toThrow(/BLUEZONE_RISK_CONFIG: .*risk\.json/);
      writeFileSync(file, '{not json');
      expect(() => loadRiskConfiguration(file)).toThrow(ConfigError);
      expect(() => loadRiskConfiguration(join(dir, 'missing.json'))).toThrow(
        /neither a preset .* nor a readable file \(ENOENT\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
describe('BLUEZONE_NOTICES', () => {
  it('serves the built-in notices, takes a valid file, and names every problem of a bad one', async () => {
    const answer = await get('/v1/notices/DI');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual(DEFAULT_NOTICES);
    const dir = mkdtempSync(join(tmpdir(), 'bz-notices-'));
    try {
      const file = join(dir, 'notices.json');
      const board = {
        notices: [
          {
            id: 'vaccine',
            title: { vi: 'Tiêm chủng', en: 'Vaccination' },
            body: { vi: 'Lịch tiêm.', en: 'Schedule.' },
          },
        ],
        faq: [{ question: { vi: 'Hỏi?', en: 'Q?' }, answer: { vi: 'Đáp.', en: 'A.' } }],
      };
      writeFileSync(file, JSON.stringify(board));
      expect(loadNotices(file)).toEqual(board);
      writeFileSync(
        file,
        JSON.stringify({ notices: [{ id: 'Bad Id', title: { vi: '' }, body: { vi: 'x', en: 'y' } }] }),
      );
      const error = (() => {
        try {
          loadNotices(file);
        } catch (e) {
          return e as ConfigError;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.problems).toHaveLength(3);
      expect(loadNotices(undefined)).toBe(DEFAULT_NOTICES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
