import type { HttpRequest, HttpResponse, HttpTransport } from './http-transport.js';

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

export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchTransportOptions<Signal> {
  /** Gives up on a request after this long (ms); default 30 s. */
  readonly timeoutMs?: number;
  /** Makes an abort signal for a timeout (`AbortSignal.timeout` where the platform has it). */
  readonly timeoutSignal?: (ms: number) => Signal;
}

const TEXT_TYPES = /^(text\/|application\/(json|problem\+json|xml))/;

/**
 * The API client's transport over `fetch`: text bodies for JSON and text answers, bytes for the rest
 * (export zips). Any HTTP status resolves; a network failure or timeout rejects, as the client
 * expects.
 */
export function fetchTransport<Signal = never>(
  fetchImpl: FetchLike<Signal>,
  options: FetchTransportOptions<Signal> = {},
): HttpTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const signal = options.timeoutSignal?.(timeoutMs);
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
    const type = headers['content-type'] ?? '';
    const body = TEXT_TYPES.test(type) ? await response.text() : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers, body };
  };
}

/** A body fetch accepts: text as is, bytes copied onto their own ArrayBuffer. */
function ownBuffer(body: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}
