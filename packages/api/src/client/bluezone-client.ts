import { DEFAULT_EXPORT_LIMITS, DEFAULT_MAX_INDEX_BYTES } from '@bluezone/protocol';
import type { Areas2020 } from '../areas.schemas.js';
import type { DeclarationReceived, DeclarationRequest } from '../console/declarations.schemas.js';
import type { NoticeBoard } from '../notices.schemas.js';
import type { TraceWarningUpload, TraceWarningUploadAnswer } from '../trace-warnings.schemas.js';
import type {
  VerificationCertificateRequest,
  VerificationCertificateResponse,
  VerifyCodeRequest,
  VerifyCodeResponse,
} from '../verification.schemas.js';
import { ApiError, apiErrorOf, NetworkError, ResponseTooLargeError } from './api-error.js';
import type { HttpRequest, HttpResponse, HttpTransport } from './http-transport.js';
import type { PublishRequest, PublishResponse } from './publish-types.js';
import { bodyBytes, bodyText } from './utf8.js';

/** Where the client talks to, and with which device API key. */
export interface BluezoneClientOptions {
  readonly transport: HttpTransport;
  /** Root of the verification API: `POST {verificationUrl}/api/verify`. */
  readonly verificationUrl: string;
  /** Root of the key server: `POST {keyServerUrl}/v1/publish`. Defaults to `verificationUrl`. */
  readonly keyServerUrl?: string;
  /** Root of the export files: `GET {exportBaseUrl}/{region}/index.txt`; default `{keyServerUrl}/v1/exports`. */
  readonly exportBaseUrl?: string;
  /** The device API key sent in `X-API-Key` to the verification API. */
  readonly deviceApiKey: string;
}

/** Bounds on one download: its largest body and its own timeout. */
export interface DownloadOptions {
  /** Largest body accepted (bytes); the download stops there (`ApiError` `response_too_large`). */
  readonly maxBytes?: number;
  /** Gives up after this long (ms), body included (`NetworkError` with `timedOut`). */
  readonly timeoutMs?: number;
}

/** Largest answers read: JSON answers and the risk configuration; indexes and zips have their own. */
export const MAX_JSON_ANSWER_BYTES = 1024 * 1024;
export const MAX_RISK_CONFIGURATION_BYTES = 256 * 1024;

/**
 * The typed calls a phone makes. Errors: `ApiError` (an answer, non-2xx, or one over its size bound:
 * `response_too_large`) or `NetworkError` (none).
 */
export interface BluezoneClient {
  verify(request: VerifyCodeRequest): Promise<VerifyCodeResponse>;
  certificate(request: VerificationCertificateRequest): Promise<VerificationCertificateResponse>;
  publish(request: PublishRequest): Promise<PublishResponse>;
  /** The region's index: paths of export zips, oldest first (not yet parsed); at most 1 MiB by default. */
  exportIndex(region: string, options?: DownloadOptions): Promise<string>;
  /** A zip listed in the index, by its path relative to the export root; at most 32 MiB by default. */
  exportFile(path: string, options?: DownloadOptions): Promise<Uint8Array>;
  /** The URL `exportFile(path)` fetches. */
  exportFileUrl(path: string): string;
  /** The region's published risk configuration (JSON, not yet validated). */
  riskConfiguration(region: string): Promise<unknown>;
  /** `GET {keyServerUrl}/v1/areas`: the 2020 provinces with their districts. */
  areas(): Promise<Areas2020>;
  /** `GET {keyServerUrl}/v1/notices/{region}`: the health authority's notices and FAQ. */
  notices(region: string): Promise<NoticeBoard>;
  /** `POST {verificationUrl}/api/declarations` with the device API key: an F1/F2 person's declaration. */
  declare(request: DeclarationRequest): Promise<DeclarationReceived>;
  /** `POST {keyServerUrl}/v1/trace-warnings`: the check-ins a person shares, with the keys' certificate. */
  uploadTraceWarnings(request: TraceWarningUpload): Promise<TraceWarningUploadAnswer>;
  /** `GET {keyServerUrl}/v1/trace-warnings/{region}/index.txt`: paths of warning packages, oldest first. */
  traceWarningIndex(region: string, options?: DownloadOptions): Promise<string>;
  /** A package listed in that index, by its path (`VN/trace-warnings-<hour>.zip`); at most 32 MiB. */
  traceWarningFile(path: string, options?: DownloadOptions): Promise<Uint8Array>;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** A client over an injected transport. */
export function createBluezoneClient(options: BluezoneClientOptions): BluezoneClient {
  const verificationUrl = trimSlash(options.verificationUrl);
  const keyServerUrl = trimSlash(options.keyServerUrl ?? verificationUrl);
  const exportBaseUrl = trimSlash(options.exportBaseUrl ?? `${keyServerUrl}/v1/exports`);
  const { transport, deviceApiKey } = options;

  /** One request, its body bounded by `maxBodyBytes` (default MAX_JSON_ANSWER_BYTES). */
  async function send(request: HttpRequest): Promise<HttpResponse> {
    const limit = request.maxBodyBytes ?? MAX_JSON_ANSWER_BYTES;
    let response: HttpResponse;
    try {
      response = await transport({ ...request, maxBodyBytes: limit });
    } catch (cause) {
      if (cause instanceof ResponseTooLargeError)
        throw tooLarge(request.url, cause.status, limit, cause.declaredBytes);
      throw new NetworkError(request.url, { cause });
    }
    // A transport that ignored the bound still gets its answer refused.
    if (response.body.length > limit) throw tooLarge(request.url, response.status, limit);
    return response;
  }

  async function postJson<T>(url: string, body: unknown, apiKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (apiKey !== undefined) headers['x-api-key'] = apiKey;
    const response = await send({ method: 'POST', url, headers, body: JSON.stringify(body) });
    const json = parseJson(bodyText(response.body));
    if (response.status < 200 || response.status > 299) throw apiErrorOf(response.status, json);
    if (typeof json !== 'object' || json === null) {
      throw new ApiError(response.status, 'unparsable_response', `${url} answered something other than JSON`);
    }
    return json as T;
  }

  async function get(url: string, options: DownloadOptions = {}): Promise<HttpResponse> {
    const response = await send({
      method: 'GET',
      url,
      headers: {},
      maxBodyBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
    });
    if (response.status < 200 || response.status > 299) {
      throw apiErrorOf(response.status, parseJson(bodyText(response.body)));
    }
    return response;
  }

  const exportFileUrl = (path: string) => `${exportBaseUrl}/${path.replace(/^\/+/, '')}`;

  async function getJson(url: string, options: DownloadOptions = {}): Promise<object> {
    const json = parseJson(bodyText((await get(url, options)).body));
    if (typeof json !== 'object' || json === null)
      throw new ApiError(200, 'unparsable_response', `${url} answered something other than JSON`);
    return json;
  }

  return {
    verify: (request) => postJson(`${verificationUrl}/api/verify`, request, deviceApiKey),
    certificate: (request) => postJson(`${verificationUrl}/api/certificate`, request, deviceApiKey),
    publish: (request) => postJson(`${keyServerUrl}/v1/publish`, request),
    exportIndex: async (region, download) => {
      const url = `${exportBaseUrl}/${encodeURIComponent(region)}/index.txt`;
      return bodyText((await get(url, { maxBytes: DEFAULT_MAX_INDEX_BYTES, ...download })).body);
    },
    exportFile: async (path, download) =>
      bodyBytes(
        (await get(exportFileUrl(path), { maxBytes: DEFAULT_EXPORT_LIMITS.maxBytes, ...download })).body,
      ),
    exportFileUrl,
    riskConfiguration: (region) =>
      getJson(`${exportBaseUrl}/${encodeURIComponent(region)}/risk-configuration.json`, {
        maxBytes: MAX_RISK_CONFIGURATION_BYTES,
      }),
    areas: async () => (await getJson(`${keyServerUrl}/v1/areas`)) as Areas2020,
    notices: async (region) =>
      (await getJson(`${keyServerUrl}/v1/notices/${encodeURIComponent(region)}`)) as NoticeBoard,
    declare: (request) => postJson(`${verificationUrl}/api/declarations`, request, deviceApiKey),
    uploadTraceWarnings: (request) => postJson(`${keyServerUrl}/v1/trace-warnings`, request),
    traceWarningIndex: async (region, download) => {
      const url = `${keyServerUrl}/v1/trace-warnings/${encodeURIComponent(region)}/index.txt`;
      return bodyText((await get(url, { maxBytes: DEFAULT_MAX_INDEX_BYTES, ...download })).body);
    },
    traceWarningFile: async (path, download) => {
      const url = `${keyServerUrl}/v1/trace-warnings/${path.replace(/^\/+/, '')}`;
      return bodyBytes((await get(url, { maxBytes: DEFAULT_EXPORT_LIMITS.maxBytes, ...download })).body);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `body.declaredBytes`: the length the answer declared, when it was refused before its body was read. */
function tooLarge(url: string, status: number, limit: number, declaredBytes?: number): ApiError {
  const body = declaredBytes === undefined ? {} : { declaredBytes };
  return new ApiError(
    status,
    'response_too_large',
    `${url} answered more than the ${limit} bytes accepted`,
    body,
  );
}
