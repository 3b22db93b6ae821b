import { describe, expect, it } from 'vitest';
import { ApiError, isApiError, isNetworkError } from './api-error.js';
import { createBluezoneClient } from './bluezone-client.js';
import type { HttpRequest, HttpResponse } from './http-transport.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

function recorder(answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>) {
  const requests: HttpRequest[] = [];
  const transport = async (request: HttpRequest) => {
    requests.push(request);
    return answer(request);
  };
  return { requests, transport };
}

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('BluezoneClient', () => {
  it('posts verify and certificate with the device API key, publish without it', async () => {
    const { requests, transport } = recorder((r) =>
      r.url.endsWith('/v1/publish')
        ? json(200, { insertedExposures: 2, revisionToken: 'rev' })
        : json(200, { token: 't', certificate: 'c', testtype: 'confirmed' }),
    );
    const client = createBluezoneClient({ transport, verificationUrl: 'http://h:1/', deviceApiKey: 'dk' });
    expect((await client.verify({ code: '12345678' })).token).toBe('t');
    expect((await client.certificate({ token: 't', ekeyhmac: 'x' })).certificate).toBe('c');
    const published = await client.publish({
      temporaryExposureKeys: [
        { key: 'AAAAAAAAAAAAAAAAAAAAAA==', rollingStartNumber: 1, rollingPeriod: 144, transmissionRisk: 0 },
      ],
      healthAuthorityID: 'vn',
      verificationPayload: 'c',
      hmacKey: 'k',
    });
    expect(published).toEqual({ insertedExposures: 2, revisionToken: 'rev' });
    expect(requests.map((r) => [r.method, r.url, r.headers['x-api-key']])).toEqual([
      ['POST', 'http://h:1/api/verify', 'dk'],
      ['POST', 'http://h:1/api/certificate', 'dk'],
      ['POST', 'http://h:1/v1/publish', undefined],
    ]);
    expect(JSON.parse(requests[0]?.body as string)).toEqual({ code: '12345678' });
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('reads areas and notices from the key server and sends declarations with the device API key', async () => {
    const board = {
      notices: [{ id: 'n', title: { vi: 'a', en: 'a' }, body: { vi: 'b', en: 'b' } }],
      faq: [],
    };
    const { requests, transport } = recorder((r) =>
      r.url.endsWith('/v1/areas')
        ? json(200, { id: 'vn-2020', provinces: [] })
        : r.url.includes('/v1/notices/')
          ? json(200, board)
          : json(200, { received: true }),
    );
    const client = createBluezoneClient({
      transport,
      verificationUrl: 'http://v/',
      keyServerUrl: 'http://k',
      deviceApiKey: 'dk',
    });
    expect((await client.areas()).id).toBe('vn-2020');
    expect(await client.notices('VN')).toEqual(board);
    const declaration = {
      level: 'F1' as const,
      exposureDate: '2026-03-01',
      name: 'A',
      phone: '0912345678',
      address: '',
    };
    expect(await client.declare(declaration)).toEqual({ received: true });
    expect(requests.map((r) => [r.method, r.url, r.headers['x-api-key']])).toEqual([
      ['GET', 'http://k/v1/areas', undefined],
      ['GET', 'http://k/v1/notices/VN', undefined],
      ['POST', 'http://v/api/declarations', 'dk'],
    ]);
    expect(JSON.parse(requests[2]?.body as string)).toEqual(declaration);
  });

  it('maps error answers to ApiError with the code the server sent or the one its status implies', async () => {
    const answers: HttpResponse[] = [
      json(400, { error: 'expired', errorCode: 'code_expired' }),
      json(400, { error: 'bad keys', code: 'invalid_request' }),
      { status: 502, headers: {}, body: '<html>bad gateway</html>' },
      json(401, {}),
    ];
    const { transport } = recorder(() => answers.shift() as HttpResponse);
    const client = createBluezoneClient({ transport, verificationUrl: 'http://h', deviceApiKey: 'dk' });
    const caught = async (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e,
      );
    const e1 = await caught(client.verify({ code: '1' }));
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1).toMatchObject({ status: 400, code: 'code_expired', message: 'expired', known: true });
    expect(await caught(client.verify({ code: '1' }))).toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
    const e3 = await caught(client.exportIndex('VN'));
    expect(isApiError(e3, 'internal')).toBe(true);
    expect(await caught(client.certificate({ token: 't', ekeyhmac: 'h' }))).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: expect.stringMatching(/X-API-Key/),
    });
  });

  it('turns a transport failure into a NetworkError, distinct from ApiError', async () => {
    const client = createBluezoneClient({
      transport: () => Promise.reject(new Error('ECONNREFUSED')),
      verificationUrl: 'http://h',
      deviceApiKey: 'dk',
    });
    const error = await client.verify({ code: '1' }).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect(isApiError(error)).toBe(false);
    expect((error as Error).message).toMatch(/http:\/\/h\/api\/verify/);
  });

  it('downloads the index as text and zips as bytes from the export root', async () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0xff, 0x00);
    const { requests, transport } = recorder((r) =>
      r.url.endsWith('.txt')
        ? { status: 200, headers: {}, body: encodeUtf8('VN/1-2-00001.zip\n') }
        : { status: 200, headers: {}, body: zip },
    );
    const client = createBluezoneClient({
      transport,
      verificationUrl: 'http://v',
      keyServerUrl: 'http://k/',
      deviceApiKey: 'dk',
    });
    expect(await client.exportIndex('VN')).toBe('VN/1-2-00001.zip\n');
    expect(await client.exportFile('VN/1-2-00001.zip')).toEqual(zip);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://k/v1/exports/VN/index.txt',
      'GET http://k/v1/exports/VN/1-2-00001.zip',
    ]);
  });
});

describe('UTF-8', () => {
  it('round-trips Vietnamese text and replaces malformed bytes', () => {
    const text = 'Bạn đã tiếp xúc gần 😷 F1';
    expect(decodeUtf8(encodeUtf8(text))).toBe(text);
    expect(Array.from(encodeUtf8('đ'))).toEqual([0xc4, 0x91]);
    expect(decodeUtf8(Uint8Array.of(0x41, 0xc0, 0x80, 0xe2, 0x82, 0x42))).toBe('A\ufffd\ufffd\ufffd\ufffdB');
  });
});
