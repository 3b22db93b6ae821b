import { signingKeyRows } from '../export/export-signers.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';

/** One entry of `GET /v1/exports/{region}/keys.json`. */
export interface ExportPublicKeyEntry {
  keyId: string;
  keyVersion: string;
  publicKeyPem: string;
  /** True for the region's active key; false for a key still signing during a rotation. */
  active: boolean;
}

/** The public keys of every key that signs the region's files, active first; undefined: no such region. */
export async function exportPublicKeys(
  deps: ServerDeps,
  region: string,
): Promise<ExportPublicKeyEntry[] | undefined> {
  const authority = await createAuthorityRepository(deps.db).findByRegion(region);
  if (!authority) return undefined;
  const rows = await signingKeyRows(deps.db, deps.config, authority.id);
  return rows.map((r) => ({
    keyId: r.keyId,
    keyVersion: r.keyVersion,
    publicKeyPem: r.publicKeyPem,
    active: r.active,
  }));
}
