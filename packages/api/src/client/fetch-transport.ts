import { ResponseTooLargeError } from './api-error.js';
import type { HttpRequest, HttpResponse, HttpTransport } from './http-transport.js';
import { decodeUtf8 } from './utf8.js';

/** The part of the platform's `fetch` the transport uses (Node 20 and browsers have it). */
export type FetchLike<Signal = never> = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
    signal?: Signal;
  },
) => Promise<FetchResponseLike>;

/** The body as a stream of byte chunks (a WHATWG `ReadableStream`). */
export interface BodyStreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
  };
}

export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  /** Streamed when the platform has it (Node 20, browsers); otherwise read whole with `arrayBuffer`. */
  readonly body?: BodyStreamLike | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchTransportOptions<Signal> {
  /** Gives up on a request after this long (ms), body included, unless the request says otherwise; default 30 s. */
  readonly timeoutMs?: number;
  /** Makes an abort signal for a timeout (`AbortSignal.timeout` where the platform has it). */
  readonly timeoutSignal?: (ms: number) => Signal;
}

const TEXT_TYPES = /^(text\/|application\/(json|problem\+json|xml))/;

/**
 * The API client's transport over `fetch`: text bodies for JSON and text answers, bytes for the rest
 * (export zips). The body is read as a stream and the download cancelled as soon as it passes the
 * request's `maxBodyBytes` (`ResponseTooLargeError`). Any HTTP status resolves; a network failure
 * or timeout rejects, as the client expects.
 */
export function fetchTransport<Signal = never>(
  fetchImpl: FetchLike<Signal>,
  options: FetchTransportOptions<Signal> = {},
): HttpTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const signal = options.timeoutSignal?.(request.timeoutMs ?? timeoutMs);
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { body: ownBuffer(request.body) }),
      ...(signal === undefined ? {} : { signal }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const bytes = await readBody(response, headers, request.maxBodyBytes);
    const body = TEXT_TYPES.test(headers['content-type'] ?? '') ? utf8Text(bytes) : bytes;
    return { status: response.status, headers, body };
  };
}

/**
 * The body's bytes, at most `limit` of them: a declared length over the limit is refused before
 * reading, and a stream is cancelled at the first chunk that passes it. Memory held: the bytes
 * received (≤ limit + one chunk), then one copy of them.
 */
async function readBody(
  response: FetchResponseLike,
  headers: Readonly<Record<string, string>>,
  limit: number | undefined,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  const tooLarge = async (declaredBytes?: number) => {
    await reader?.cancel().catch(() => undefined);
    return new ResponseTooLargeError(response.status, limit ?? 0, declaredBytes);
  };
  // A compressed body's length says nothing about the decoded size, which is what is bounded.
  const declared = headers['content-encoding'] === undefined ? Number(headers['content-length']) : Number.NaN;
  if (limit !== undefined && declared > limit) throw await tooLarge(declared);
  if (reader === undefined) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (limit !== undefined && whole.length > limit) throw await tooLarge();
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value === undefined) continue;
    total += value.length;
    if (limit !== undefined && total > limit) throw await tooLarge();
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

type Decoder = new () => { decode(bytes: Uint8Array): string };

/** UTF-8 text, with the platform's decoder where there is one (fast on a 1 MiB index). */
function utf8Text(bytes: Uint8Array): string {
  const Platform = (globalThis as { TextDecoder?: Decoder }).TextDecoder;
  return Platform === undefined ? decodeUtf8(bytes) : new Platform().decode(bytes);
}

/** A body fetch accepts: text as is, bytes copied onto their own ArrayBuffer. */
function ownBuffer(body: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}
