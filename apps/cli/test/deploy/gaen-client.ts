import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { computeTekmac, intervalOfDate, ROLLING_PERIOD } from '@bluezone/protocol';

/**
 * The independent GAEN flow as a phone and a case worker drive it, over plain HTTP: issue a code
 * (admin key), verify it and get a certificate bound to the keys (device key), publish. Every
 * request's status and latency is recorded.
 */

export interface Sample {
  route: string;
  status: number; // 0: no answer (connection refused or reset)
  ms: number;
}

export interface FlowResult {
  /** The keys the phone sent (base64), acknowledged only if `published`. */
  keys: string[];
  published: boolean;
  /** The step that failed, if any, with its status. */
  failed?: { route: string; status: number; body: string };
}

export class GaenClient {
  readonly samples: Sample[] = [];

  constructor(
    private readonly base: string,
    private readonly adminKey: string,
    private readonly deviceKey: string,
    private readonly healthAuthorityId: string,
  ) {}

  async post(route: string, body: unknown, apiKey?: string): Promise<{ status: number; body: string }> {
    const started = performance.now();
    const answer = await httpPost(`${this.base}${route}`, JSON.stringify(body), apiKey);
    this.samples.push({ route, status: answer.status, ms: performance.now() - started });
    return answer;
  }

  /** issue → verify → certificate → publish of 14 fresh keys. */
  async flow(now = new Date()): Promise<FlowResult> {
    const today = Math.floor(intervalOfDate(now) / ROLLING_PERIOD) * ROLLING_PERIOD;
    const keys = Array.from({ length: 14 }, (_, i) => ({
      key: randomBytes(16).toString('base64'),
      rollingStartNumber: today - (14 - i) * ROLLING_PERIOD,
      rollingPeriod: ROLLING_PERIOD,
      transmissionRisk: 0,
    }));
    const result: FlowResult = { keys: keys.map((k) => k.key), published: false };
    const step = async (route: string, body: unknown, apiKey?: string) => {
      const answer = await this.post(route, body, apiKey);
      if (answer.status !== 200) {
        result.failed = { route, ...answer };
        return undefined;
      }
      return JSON.parse(answer.body) as Record<string, unknown>;
    };
    const symptomDate = new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
    const issued = await step('/api/issue', { testType: 'confirmed', symptomDate }, this.adminKey);
    if (!issued) return result;
    const verified = await step('/api/verify', { code: issued.code }, this.deviceKey);
    if (!verified) return result;
    const hmacKey = randomBytes(32);
    const certified = await step(
      '/api/certificate',
      { token: verified.token, ekeyhmac: computeTekmac(hmacKey, keys) },
      this.deviceKey,
    );
    if (!certified) return result;
    const published = await step('/v1/publish', {
      temporaryExposureKeys: keys,
      healthAuthorityID: this.healthAuthorityId,
      verificationPayload: certified.certificate,
      hmacKey: hmacKey.toString('base64'),
    });
    result.published = published !== undefined;
    return result;
  }

  /** The p-th percentile of the recorded latencies (ms). */
  percentile(p: number): number {
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  }
}

/**
 * One POST on a new connection (`Connection: close`), as a phone behind a CDN reaches the origin:
 * no kept-alive connection that a reloading nginx may close under a request. Status 0 when no
 * answer came (refused or reset); an answer that arrives before the body is sent in full (nginx's
 * early 413) still counts.
 */
export function httpPost(
  url: string,
  body: string,
  apiKey?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number, text: string) => {
      if (!settled) {
        settled = true;
        resolve({ status, body: text });
      }
    };
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(apiKey ? { 'x-api-key': apiKey } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(response.statusCode ?? 0, Buffer.concat(chunks).toString()));
        response.on('error', () => done(response.statusCode ?? 0, Buffer.concat(chunks).toString()));
      },
    );
    req.on('error', (error) => done(0, String(error)));
    req.end(body);
  });
}
