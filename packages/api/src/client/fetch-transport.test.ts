import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError, isNetworkError, type NetworkError, ResponseTooLargeError } from './api-error.js';
import { createBluezoneClient } from './bluezone-client.js';
import { fetchTransport } from './fetch-transport.js';

const MIB = 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(7);

/** What the server managed to send of each answer before the client hung up (or all of it). */
const sent = new Map<string, { bytes: number; finished: boolean }>();

/** `/stream/N`: N MiB in 64 KiB chunks, no length; `/declared/N`: the same with Content-Length. */
function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const [, kind, size] = req.url?.split('/') ?? [];
    // `/{region}/index.txt`: a 2 MiB index.
    const total = size === 'index.txt' ? 2 * MIB : Number(size) * MIB;
    const record = { bytes: 0, finished: false };
    sent.set(req.url ?? '', record);
    res.writeHead(200, {
      'content-type': kind === 'text' ? 'text/plain; charset=utf-8' : 'application/zip',
      ...(kind === 'declared' ? { 'content-length': String(total) } : {}),
    });
    if (kind === 'text') return void res.end('VN/1-2-00001.zip\nđã');
    // `/stall/0`: the headers and one chunk, then nothing, until the client gives up.
    if (kind === 'stall') return void res.write(CHUNK);
    const write = () => {
      while (record.bytes < total && !res.destroyed) {
        record.bytes += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', write);
      }
      if (!res.destroyed) res.end(() => (record.finished = true));
    };
    write();
  });
  server.listen(0, '127.0.0.1');
  return once(server, 'listening').then(() => server);
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const transport = fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) });

describe('fetchTransport', () => {
  it('stops a streamed body at maxBodyBytes and hangs up, without reading the rest', async () => {
    const request = transport({ method: 'GET', url: `${base}/stream/64`, headers: {}, maxBodyBytes: MIB });
    await expect(request).rejects.toBeInstanceOf(ResponseTooLargeError);
    const record = sent.get('/stream/64');
    // The server could not send all 64 MiB: the client cancelled the download at 1 MiB.
    expect(record?.finished).toBe(false);
    expect(record?.bytes).toBeLessThan(64 * MIB);
  });

  it('refuses a declared length over the bound before reading the body', async () => {
    const request = transport({ method: 'GET', url: `${base}/declared/64`, headers: {}, maxBodyBytes: MIB });
    await expect(request).rejects.toMatchObject({ name: 'ResponseTooLargeError', limit: MIB, status: 200 });
    expect(sent.get('/declared/64')?.finished).toBe(false);
  });

  it('reads a body within the bound whole, as bytes or as UTF-8 text', async () => {
    const bytes = await transport({
      method: 'GET',
      url: `${base}/stream/2`,
      headers: {},
      maxBodyBytes: 2 * MIB,
    });
    expect((bytes.body as Uint8Array).length).toBe(2 * MIB);
    const text = await transport({ method: 'GET', url: `${base}/text/0`, headers: {}, maxBodyBytes: 100 });
    expect(text.body).toBe('VN/1-2-00001.zip\nđã');
  });

  it("gives up on a body that stalls after the request's own timeout, as a timed-out NetworkError", async () => {
    const client = createBluezoneClient({
      transport,
      verificationUrl: base,
      exportBaseUrl: base,
      deviceApiKey: 'k',
    });
    const error = await client.exportFile('stall/0', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect((error as NetworkError).timedOut).toBe(true);
  });

  it("gives the client's calls their bounds: a zip over 32 MiB or an index over 1 MiB is response_too_large", async () => {
    const client = createBluezoneClient({
      transport,
      verificationUrl: base,
      exportBaseUrl: base,
      deviceApiKey: 'k',
    });
    const error = await client.exportFile('stream/40').catch((e: unknown) => e);
    expect(isApiError(error, 'response_too_large')).toBe(true);
    expect((await client.exportFile('stream/1')).length).toBe(MIB);
    const index = await client.exportIndex('VN').catch((e: unknown) => e);
    expect(isApiError(index, 'response_too_large')).toBe(true);
  });
});
