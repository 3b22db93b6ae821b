import type { SessionUser } from '@bluezone/api';
import { DECLARATION_ROLES, type Role } from '../api/types.js';

export interface NavItem {
  /** i18n key of the label. */
  label: string;
  to: string;
  /** Matches only the exact path (the start page). */
  end?: boolean;
}

const READERS: readonly Role[] = ['national', 'province', 'analyst'];

/**
 * The pages a user is offered: adoption pages for those who read adoption (a user of one province
 * gets that province's page, never the national one), codes for everyone (issuing for code roles),
 * declarations for all but analysts,
 * users and the audit log for administrators.
 */
export function navigationFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [];
  if (READERS.includes(user.role)) {
    if (user.province) items.push({ label: 'nav.myProvince', to: `/provinces/${user.province}` });
    else items.push({ label: 'nav.dashboard', to: '/', end: true });
  }
  items.push({ label: 'nav.codes', to: '/codes' });
  if (DECLARATION_ROLES.includes(user.role)) items.push({ label: 'nav.declarations', to: '/declarations' });
  // Venues for everyone: case workers warn them, analysts read them.
  items.push({ label: 'nav.venues', to: '/venues' });
  if (READERS.includes(user.role)) {
    items.push({ label: 'nav.campaigns', to: '/campaigns' });
    items.push({ label: 'nav.statistics', to: '/statistics' });
  }
  if (user.role === 'national' || user.role === 'province') {
    items.push({ label: 'nav.users', to: '/users' });
    items.push({ label: 'nav.audit', to: '/audit' });
  }
  items.push({ label: 'nav.account', to: '/account' });
  return items;
}

/** Where a user starts: the national dashboard, their province, or the codes. */
export function startPageOf(user: SessionUser): string {
  if (!READERS.includes(user.role)) return '/codes';
  return user.province ? `/provinces/${user.province}` : '/';
}
