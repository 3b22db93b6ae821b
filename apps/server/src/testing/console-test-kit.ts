import type { NewConsoleAccount } from '../app/demo-account.js';
import { createConsoleAccount } from '../app/demo-account.js';
import type { TestApp } from './test-app.js';

// Helpers for the console's tests: accounts, sign-in, requests with the session cookie and CSRF token.

/** The error code `fn` throws (a ConsoleError or AppError), or undefined. */
export function isAppErrorLike(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

export interface Answer {
  status: number;
  json: Record<string, unknown>;
  headers: Record<string, unknown>;
}

export interface Agent {
  readonly cookie: string;
  readonly csrfToken: string;
  request(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    csrf?: string | null,
  ): Promise<Answer>;
}

export async function call(
  t: TestApp,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await t.app.server.inject({
    method,
    url,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return {
    status: response.statusCode,
    json: response.body ? (response.json() as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

export const signInRequest = (t: TestApp, username: string, password: string, totp?: string) =>
  call(t, 'POST', '/console/api/session', { username, password, ...(totp ? { totp } : {}) });

/** Signs in and returns an agent that sends the cookie and (unless told otherwise) the CSRF token. */
export async function signIn(t: TestApp, username: string, password: string, totp?: string): Promise<Agent> {
  const answer = await signInRequest(t, username, password, totp);
  if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.json)}`);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  const csrfToken = String(answer.json.csrfToken);
  return {
    cookie,
    csrfToken,
    request: (method, url, body, csrf) =>
      call(t, method, url, body, {
        cookie,
        ...(csrf === null ? {} : { 'x-csrf-token': csrf ?? csrfToken }),
      }),
  };
}

let accounts = 0;

/** Creates an account (unique username) and signs it in. */
export async function userAgent(
  t: TestApp,
  account: Omit<NewConsoleAccount, 'username' | 'password'> & { username?: string },
): Promise<Agent & { username: string; password: string }> {
  accounts++;
  const username = account.username ?? `${String(account.role)}-${accounts}`;
  const password = `password-${accounts}-long`;
  await createConsoleAccount(t.app.core, { ...account, username, password });
  return { ...(await signIn(t, username, password)), username, password };
}
