import { ApiError, apiErrorOf, isApiError, NetworkError } from '@bluezone/api';

// The console's API client: JSON over fetch, the session cookie sent by the browser, the CSRF token
// of the session on every state-changing request (docs/api.md, Console). A refusal is @bluezone/api's
// `ApiError` (its `code` is the answer's `errorCode`, `body` the whole answer); no answer at all is a
// `NetworkError`.

export { ApiError, isApiError };

/** Whether an error says the route is not there (yet): the console shows "not available yet". */
export const isNotAvailable = (error: unknown): boolean =>
  isApiError(error, 'not_found') && error.status === 404;

/** `lockedUntil` of an `account_locked` refusal. */
export const lockedUntilOf = (error: ApiError): string | undefined =>
  typeof error.body.lockedUntil === 'string' ? error.body.lockedUntil : undefined;

let csrfToken: string | undefined;

/** The session's CSRF token, from sign-in or `GET /console/api/session`. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `path` is under `/console/api` unless it starts with `/v1/` (public routes). */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const url = path.startsWith('/v1/') ? path : `/console/api${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new NetworkError(url, { cause });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  if (!response.ok) throw apiErrorOf(response.status, json);
  return json as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** `?a=1&b=2` from the defined entries, or ''. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
