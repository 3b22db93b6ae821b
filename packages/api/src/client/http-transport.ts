// The one I/O dependency of the API client: a function that performs an HTTP request. The device's
// HttpPort, a fetch adapter in the browser, or an in-memory fake in tests all have this shape.

/** An HTTP request as the client builds it. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute URL. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text for POSTs, absent for GETs. */
  readonly body?: string | Uint8Array | undefined;
  /**
   * The largest response body the caller accepts, in bytes. A transport reads the body as a stream
   * and stops at this bound: it cancels the download and rejects with a `ResponseTooLargeError`, so
   * a hostile or broken server costs at most this much memory. The client also checks what it gets.
   */
  readonly maxBodyBytes?: number | undefined;
  /** Gives up on this request after this long (ms), body included; the transport's default when absent. */
  readonly timeoutMs?: number | undefined;
}

/** What came back. The body may be text or bytes, whichever the platform hands over. */
export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/**
 * Performs one request. It resolves with any HTTP status (4xx and 5xx included) and rejects only
 * when no answer arrived (no network, DNS, TLS, timeout): the client turns a rejection into a
 * `NetworkError` (with `timedOut` when the rejection is an error named `TimeoutError`, as
 * `AbortSignal.timeout` makes). A body over `maxBodyBytes` rejects with a `ResponseTooLargeError`.
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;
