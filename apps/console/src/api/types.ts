// Answers of the console API this console reads (docs/api.md, Console).

export type Role = 'national' | 'province' | 'caseworker' | 'analyst';

export interface SessionUser {
  username: string;
  role: Role;
  province: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  totpEnabled: boolean;
}

export interface UserView extends SessionUser {
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface IssuedCode {
  uuid: string;
  testType: string;
  province: string | null;
  code: string;
  expiresAt: string;
  longCode: string;
  link: string;
  longExpiresAt: string;
}

export type CodeStatus = 'unclaimed' | 'claimed' | 'expired';

export interface CodeListItem {
  uuid: string;
  testType: string;
  province: string | null;
  status: CodeStatus;
  issuedAt: string;
  issuedBy: string;
  expiresAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
  province: string | null;
  details: Record<string, unknown>;
}

export interface AreaDistrict {
  code: string;
  vi: string;
  en: string;
}

export interface AreaProvince {
  iso: string;
  vi: string;
  en: string;
  population: number;
  districts: AreaDistrict[];
}

export interface Areas {
  id: string;
  version: string;
  provinces: AreaProvince[];
}

/** Roles that issue and expire codes. */
export const CODE_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];
/** Roles that manage users and read the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['national', 'province'];
/** Roles that change anything (all but the analyst). */
export const WRITER_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];

/** Roles that read and handle declarations (personal data): not the analyst. */
export const DECLARATION_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];

export type DeclarationStatus = 'new' | 'contacted' | 'closed';

/** An F1/F2 person's declaration, decrypted by the server for the console (`/console/api/declarations`). */
export interface Declaration {
  id: string;
  receivedDay: string;
  region: string;
  province: string | null;
  level: 'F1' | 'F2';
  exposureDate: string;
  name: string;
  phone: string;
  address: string;
  note: string | null;
  status: DeclarationStatus;
  handledBy: string | null;
}
