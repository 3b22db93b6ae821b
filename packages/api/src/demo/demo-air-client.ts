import { ApiError, apiErrorOf, NetworkError } from '../client/api-error.js';
import type { HttpTransport } from '../client/http-transport.js';
import { bodyText } from '../client/utf8.js';
import type {
  DemoAirAdvertiseRequest,
  DemoAirClock,
  DemoAirEncounterRequest,
  DemoAirEncounterResponse,
  DemoAirHeardRequest,
  DemoAirHeardResponse,
  DemoAirJoinRequest,
  DemoAirJoinResponse,
} from './demo-air.schemas.js';

/** The demo air's calls (see demo-air.schemas.ts). Errors: `ApiError` or `NetworkError`. */
export interface DemoAirClient {
  clock(): Promise<DemoAirClock>;
  join(request?: DemoAirJoinRequest): Promise<DemoAirJoinResponse>;
  advertise(request: DemoAirAdvertiseRequest): Promise<void>;
  heard(request: DemoAirHeardRequest): Promise<DemoAirHeardResponse>;
  encounter(request: DemoAirEncounterRequest): Promise<DemoAirEncounterResponse>;
  leave(phoneId: string): Promise<void>;
}

/** A demo-air client at `url` (e.g. `http://127.0.0.1:8080/demo/air`). */
export function createDemoAirClient(transport: HttpTransport, url: string): DemoAirClient {
  const root = url.replace(/\/+$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<HttpTransport>>;
    try {
      response = await transport({
        method,
        url: `${root}/${path}`,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new NetworkError(`${root}/${path}`, { cause });
    }
    let json: unknown;
    try {
      json = JSON.parse(bodyText(response.body));
    } catch {
      json = undefined;
    }
    if (response.status < 200 || response.status > 299) throw apiErrorOf(response.status, json);
    if (typeof json !== 'object' || json === null) {
      throw new ApiError(
        response.status,
        'unparsable_response',
        `${root}/${path} answered something other than JSON`,
      );
    }
    return json as T;
  }
  return {
    clock: () => call('GET', 'clock'),
    join: (request = {}) => call('POST', 'join', request),
    advertise: async (request) => {
      await call('POST', 'advertise', request);
    },
    heard: (request) => call('POST', 'heard', request),
    encounter: (request) => call('POST', 'encounter', request),
    leave: async (phoneId) => {
      await call('POST', 'leave', { phoneId });
    },
  };
}
