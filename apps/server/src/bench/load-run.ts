/** One autocannon run's figures. */
export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Latency percentiles in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts, and answers other than 2xx. */
  errors: number;
  non2xx: number;
  seconds: number;
}

export interface LoadOptions {
  readonly port: number;
  readonly seconds: number;
  readonly connections: number;
  /** The body of each request, asked for just before it is sent. */
  readonly body: () => string;
}

/** POSTs JSON to `/v1/publish` on loopback with `connections` connections for `seconds` seconds. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { default: autocannon } = await import('autocannon'); // loaded only when benchmarking
  const result = await autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/publish',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: options.body() }),
      },
    ],
  });
  const requests = result['2xx'] + result.non2xx;
  return {
    requestsPerSecond: requests / result.duration,
    requests,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}
