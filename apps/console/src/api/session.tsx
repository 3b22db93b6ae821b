import type { LoginRequest, Session, SessionUser } from '@bluezone/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { del, get, isApiError, post, setCsrfToken } from './client.js';

const SESSION_KEY = ['session'] as const;

/** The current session, or null when signed out (401 `not_signed_in`). */
async function loadSession(): Promise<Session | null> {
  try {
    const session = await get<Session>('/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: false });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => post<Session>('/session', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del<{ signedOut: boolean }>('/session'),
    onSettled: () => {
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

const UserContext = createContext<SessionUser | null>(null);

export function UserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

/** The signed-in user (inside the signed-in layout). */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside the signed-in layout');
  return user;
}
