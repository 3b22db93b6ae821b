import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useUser } from '../api/session.js';
import type { Role } from '../api/types.js';

/** Renders `children` only for these roles; others go back to their start page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useUser();
  return roles.includes(user.role) ? children : <Navigate to="/" replace />;
}
