// The console's API client: JSON over fetch, the session cookie sent by the browser, the CSRF token
// of the session on every state-changing request (docs/api.md, Console).

/** A refusal of the console API: its `errorCode`, status and (when locked) `lockedUntil`. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly lockedUntil?: string,
    /** The whole error answer (e.g. `errors: [{line, column, message}]` of a CSV import). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

/** Whether an error says the route is not there (yet): the console shows "not available yet". */
export const isNotAvailable = (error: unknown): boolean =>
  error instanceof ConsoleApiError && error.status === 404 && error.errorCode === 'not_found';

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
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  if (!response.ok) {
    const error = json as { error?: string; errorCode?: string; lockedUntil?: string };
    throw new ConsoleApiError(
      response.status,
      error.errorCode ?? 'internal',
      error.error ?? response.statusText,
      error.lockedUntil,
      json as Record<string, unknown>,
    );
  }
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
