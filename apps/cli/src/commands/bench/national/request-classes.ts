import { randomBytes, randomInt } from 'node:crypto';
import { computeTekmac, intervalOfDate, ROLLING_PERIOD } from '@bluezone/protocol';
import type { LoadRequest } from './closed-loop.js';
import { NATIONAL_DAY, type RequestClass } from './load-model.js';

// What each request class sends, spread over the server processes as nginx spreads them, each
// request from its own client address (X-Forwarded-For, trusted from loopback as from nginx). The
// code classes form a pipeline: codes issued feed verify, its tokens feed certificate, its
// certificates feed publish — the independent GAEN flow, one stage at a time.

export interface BenchTarget {
  readonly ports: readonly number[];
  readonly adminApiKey: string;
  readonly deviceApiKey: string;
  readonly healthAuthorityId: string;
  /** `bz_session=…` of a signed-in national official. */
  readonly sessionCookie: string;
  readonly provinces: readonly { iso: string; districts: readonly string[] }[];
  /** Export files listed in VN's index (relative to /v1/exports/). */
  readonly zipPaths: readonly string[];
}

interface Key {
  key: string;
  rollingStartNumber: number;
  rollingPeriod: number;
  transmissionRisk: number;
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)] as T;
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const isoDay = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

function keysOf(count: number): Key[] {
  const today = Math.floor(intervalOfDate(new Date()) / ROLLING_PERIOD) * ROLLING_PERIOD;
  return Array.from({ length: count }, (_, i) => ({
    key: randomBytes(16).toString('base64'),
    rollingStartNumber: today - (count - i) * ROLLING_PERIOD,
    rollingPeriod: ROLLING_PERIOD,
    transmissionRisk: 0,
  }));
}

/** The generators of every class, sharing the pipeline's queues. */
export function requestClasses(t: BenchTarget): Record<RequestClass, () => LoadRequest | undefined> {
  let turn = 0;
  const port = () => t.ports[turn++ % t.ports.length] as number;
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST' as const,
    port: port(),
    path,
    body: JSON.stringify(body),
    headers: { 'x-forwarded-for': clientAddress(), ...headers },
  });
  const area = () => {
    const p = pick(t.provinces);
    return p.districts.length > 0 && randomInt(4) > 0
      ? { province: p.iso, district: pick(p.districts) }
      : { province: p.iso };
  };

  const codes: { code: string; confirmed: boolean }[] = [];
  const tokens: { token: string; confirmed: boolean }[] = [];
  const certificates: { certificate: string; keys: Key[]; hmacKey: string }[] = [];
  let issued = 0;
  // Each page tagged, so that a mixed load reports their latencies apart.
  const consolePages: [string, () => string][] = [
    ['console national', () => '/console/api/adoption/national'],
    ['console province', () => `/console/api/adoption/provinces/${pick(t.provinces).iso}`],
    ['console statistics', () => '/console/api/statistics'],
    ['console codes', () => '/console/api/codes?limit=50'],
    ['console series', () => `/console/api/adoption/timeseries?province=${pick(t.provinces).iso}`],
  ];
  let page = 0;
  let download = 0;

  return {
    active: () =>
      json('/v1/adoption/active', { ...area(), platform: pick(['android', 'ios']), appVersion: '1.0.0' }),
    install: () =>
      json('/v1/adoption/install', { ...area(), platform: pick(['android', 'ios']), appVersion: '1.0.0' }),
    issue: () => {
      // One F0 for every 20 F1 (the model's ratio).
      const confirmed = issued++ % (NATIONAL_DAY.f1PerF0 + 1) === 0;
      return {
        ...json(
          '/api/issue',
          { testType: confirmed ? 'confirmed' : 'recursive', symptomDate: isoDay(3 * 86_400_000) },
          { 'x-api-key': t.adminApiKey },
        ),
        onAnswer: (_status, body) => codes.push({ code: JSON.parse(body).code, confirmed }),
      };
    },
    verify: () => {
      const next = codes.shift();
      if (!next) return undefined;
      return {
        ...json(
          '/api/verify',
          { code: next.code, accept: ['confirmed', 'recursive'] },
          { 'x-api-key': t.deviceApiKey },
        ),
        onAnswer: (_status, body) =>
          tokens.push({ token: JSON.parse(body).token, confirmed: next.confirmed }),
      };
    },
    certificate: () => {
      const next = tokens.shift();
      if (!next) return undefined;
      const keys = keysOf(next.confirmed ? NATIONAL_DAY.f0Keys : NATIONAL_DAY.f1Keys);
      const hmacKey = randomBytes(32);
      return {
        ...json(
          '/api/certificate',
          { token: next.token, ekeyhmac: computeTekmac(hmacKey, keys) },
          { 'x-api-key': t.deviceApiKey },
        ),
        onAnswer: (_status, body) =>
          certificates.push({
            certificate: JSON.parse(body).certificate,
            keys,
            hmacKey: hmacKey.toString('base64'),
          }),
      };
    },
    publish: () => {
      const next = certificates.shift();
      if (!next) return undefined;
      return json('/v1/publish', {
        temporaryExposureKeys: next.keys,
        healthAuthorityID: t.healthAuthorityId,
        verificationPayload: next.certificate,
        hmacKey: next.hmacKey,
      });
    },
    console: () => {
      const [tag, path] = consolePages[page++ % consolePages.length] as [string, () => string];
      return {
        method: 'GET',
        port: port(),
        path: path(),
        tag,
        headers: { cookie: t.sessionCookie, 'x-forwarded-for': clientAddress() },
      };
    },
    'index-miss': () => ({
      method: 'GET',
      port: port(),
      path: download++ % 2 === 0 ? '/v1/exports/VN/index.txt' : '/v1/exports/VN/keys.json',
    }),
    'zip-miss': () =>
      t.zipPaths.length === 0
        ? undefined
        : { method: 'GET', port: port(), path: `/v1/exports/${pick(t.zipPaths)}` },
  };
}
