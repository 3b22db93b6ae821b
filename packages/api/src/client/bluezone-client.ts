import type { Areas2020 } from '../areas.schemas.js';
import type { DeclarationReceived, DeclarationRequest } from '../console/declarations.schemas.js';
import type { NoticeBoard } from '../notices.schemas.js';
import type {
  VerificationCertificateRequest,
  VerificationCertificateResponse,
  VerifyCodeRequest,
  VerifyCodeResponse,
} from '../verification.schemas.js';
import { ApiError, apiErrorOf, NetworkError } from './api-error.js';
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

/** The typed calls a phone makes. Errors: `ApiError` (an answer, non-2xx) or `NetworkError` (none). */
export interface BluezoneClient {
  verify(request: VerifyCodeRequest): Promise<VerifyCodeResponse>;
  certificate(request: VerificationCertificateRequest): Promise<VerificationCertificateResponse>;
  publish(request: PublishRequest): Promise<PublishResponse>;
  /** The region's index: paths of export zips, oldest first (not yet parsed). */
  exportIndex(region: string): Promise<string>;
  /** A zip listed in the index, by its path relative to the export root. */
  exportFile(path: string): Promise<Uint8Array>;
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
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** A client over an injected transport. */
export function createBluezoneClient(options: BluezoneClientOptions): BluezoneClient {
  const verificationUrl = trimSlash(options.verificationUrl);
  const keyServerUrl = trimSlash(options.keyServerUrl ?? verificationUrl);
  const exportBaseUrl = trimSlash(options.exportBaseUrl ?? `${keyServerUrl}/v1/exports`);
  const { transport, deviceApiKey } = options;

  async function send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await transport(request);
    } catch (cause) {
      throw new NetworkError(request.url, { cause });
    }
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

  async function get(url: string): Promise<HttpResponse> {
    const response = await send({ method: 'GET', url, headers: {} });
    if (response.status < 200 || response.status > 299) {
      throw apiErrorOf(response.status, parseJson(bodyText(response.body)));
    }
    return response;
  }

  const exportFileUrl = (path: string) => `${exportBaseUrl}/${path.replace(/^\/+/, '')}`;

  async function getJson(url: string): Promise<object> {
    const json = parseJson(bodyText((await get(url)).body));
    if (typeof json !== 'object' || json === null)
      throw new ApiError(200, 'unparsable_response', `${url} answered something other than JSON`);
    return json;
  }

  return {
    verify: (request) => postJson(`${verificationUrl}/api/verify`, request, deviceApiKey),
    certificate: (request) => postJson(`${verificationUrl}/api/certificate`, request, deviceApiKey),
    publish: (request) => postJson(`${keyServerUrl}/v1/publish`, request),
    exportIndex: async (region) =>
      bodyText((await get(`${exportBaseUrl}/${encodeURIComponent(region)}/index.txt`)).body),
    exportFile: async (path) => bodyBytes((await get(exportFileUrl(path))).body),
    exportFileUrl,
    riskConfiguration: (region) =>
      getJson(`${exportBaseUrl}/${encodeURIComponent(region)}/risk-configuration.json`),
    areas: async () => (await getJson(`${keyServerUrl}/v1/areas`)) as Areas2020,
    notices: async (region) =>
      (await getJson(`${keyServerUrl}/v1/notices/${encodeURIComponent(region)}`)) as NoticeBoard,
    declare: (request) => postJson(`${verificationUrl}/api/declarations`, request, deviceApiKey),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
