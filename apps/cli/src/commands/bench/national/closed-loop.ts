import { Agent, request } from 'node:http';

// A closed-loop load generator: `concurrency` workers, each sending its next request as soon as the
// previous one is answered, for at most `seconds` or until the requests run out. Keep-alive
// connections, as nginx keeps to its upstream.

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly port: number;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Called with the answer of a 2xx (for pipelines: the next stage's input). */
  readonly onAnswer?: (status: number, body: string) => void;
  /** The request class, when several are mixed: latencies are also kept per class. */
  readonly tag?: string;
}

/** Requests and latency of one class within a mixed load. */
export interface TagResult {
  readonly requests: number;
  readonly ok: number;
  readonly p99Ms: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly ok: number;
  /** Answers other than 2xx (by status; 0 = no answer). */
  readonly failures: Record<string, number>;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Per `tag`, when the requests carry one. */
  readonly byTag: Record<string, TagResult>;
}

function send(agent: Agent, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: r.port,
        method: r.method,
        path: r.path,
        agent,
        headers: {
          ...(r.body !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) }
            : {}),
          ...r.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(r.body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

export async function closedLoop(options: {
  readonly seconds: number;
  readonly concurrency: number;
  /** The next request, or undefined when there is none left. */
  readonly next: () => LoadRequest | undefined;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const tagged = new Map<string, { latencies: number[]; ok: number }>();
  const failures: Record<string, number> = {};
  let ok = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    for (;;) {
      if (performance.now() >= deadline) return;
      const r = options.next();
      if (!r) return;
      const t = performance.now();
      const answer = await send(agent, r);
      const latency = performance.now() - t;
      latencies.push(latency);
      const tag = r.tag === undefined ? undefined : (tagged.get(r.tag) ?? { latencies: [], ok: 0 });
      if (r.tag !== undefined && tag) {
        tagged.set(r.tag, tag);
        tag.latencies.push(latency);
        if (answer.status >= 200 && answer.status < 300) tag.ok++;
      }
      if (answer.status >= 200 && answer.status < 300) {
        ok++;
        r.onAnswer?.(answer.status, answer.body);
      } else failures[answer.status] = (failures[answer.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    ok,
    failures,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    byTag: Object.fromEntries(
      [...tagged].map(([name, t]) => {
        t.latencies.sort((a, b) => a - b);
        return [name, { requests: t.latencies.length, ok: t.ok, p99Ms: percentile(t.latencies, 0.99) }];
      }),
    ),
  };
}
