import { ApiError, apiErrorOf, NetworkError } from '../client/api-error.js';
import type { HttpTransport } from '../client/http-transport.js';
import { bodyText } from '../client/utf8.js';

// What the app reports for the adoption counts (docs/privacy.md): an install, and at most once a UTC
// day a "still active" signal. Nothing in them identifies a person or a device; the server only
// adds 1 to a counter of the day and area.

export type AppPlatform = 'android' | 'ios' | 'web';

export interface InstallReport {
  /** ISO 3166-2 code of the province the person chose, e.g. `VN-20`. */
  readonly province: string;
  /** GSO code of the district, if chosen. */
  readonly district?: string;
  /** Invite code of the organisation whose link or QR code brought the person (`?org=`). */
  readonly organisation?: string;
  /** Code of the tracked install link (`?ch=`). */
  readonly channel?: string;
  readonly platform: AppPlatform;
  /** `major.minor[.patch]`. */
  readonly appVersion: string;
}

export type ActiveReport = Pick<InstallReport, 'province' | 'district' | 'platform' | 'appVersion'>;

export interface AdoptionAnswer {
  readonly counted: boolean;
  /** The UTC day it was counted under. */
  readonly day: string;
}

export interface AdoptionClient {
  install(report: InstallReport): Promise<AdoptionAnswer>;
  active(report: ActiveReport): Promise<AdoptionAnswer>;
}

/** The adoption reports at `baseUrl` (the key server's root). Errors: `ApiError` or `NetworkError`. */
export function createAdoptionClient(transport: HttpTransport, baseUrl: string): AdoptionClient {
  const root = baseUrl.replace(/\/+$/, '');
  async function post(path: string, body: unknown): Promise<AdoptionAnswer> {
    const url = `${root}/v1/adoption/${path}`;
    let response: Awaited<ReturnType<HttpTransport>>;
    try {
      response = await transport({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new NetworkError(url, { cause });
    }
    let json: unknown;
    try {
      json = JSON.parse(bodyText(response.body));
    } catch {
      json = undefined;
    }
    if (response.status < 200 || response.status > 299) throw apiErrorOf(response.status, json);
    if (typeof json !== 'object' || json === null)
      throw new ApiError(response.status, 'unparsable_response', `${url} answered something other than JSON`);
    return json as AdoptionAnswer;
  }
  return {
    install: (report) => post('install', report),
    active: (report) => post('active', report),
  };
}
