import { ApiError, apiErrorOf, NetworkError } from '../client/api-error.js';
import type { HttpTransport } from '../client/http-transport.js';
import { bodyText } from '../client/utf8.js';
import type { ActiveReport, AdoptionAnswer, InstallReport } from './adoption-report.schemas.js';

// What the app reports for the adoption counts (docs/privacy.md): an install, and at most once a UTC
// day a "still active" signal. Nothing in them identifies a person or a device; the server only
// adds 1 to a counter of the day and area.

export type AppPlatform = InstallReport['platform'];

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
