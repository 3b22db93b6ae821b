import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { ECDSA_SHA256_OID, type ExportSigner } from '@bluezone/protocol';
import type { Config } from '../config/config.types.js';
import type { ServerKeys } from '../crypto/server-keys.js';
import { createSigningKeyRepository, type SigningKeyRecord } from '../crypto/signing-key.repository.js';
import type { Database } from '../database/database.types.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';

/** The AAD binding an encrypted export key to its row (the same form the signing-key service uses). */
const sealContext = (keyId: string, keyVersion: string) => `export/${keyId}/${keyVersion}`;

/** `BLUEZONE_EXPORT_SIGNING_KEYS` as a set of "keyId/keyVersion". */
export function extraSigningKeys(config: Pick<Config, 'exportSigningKeys'>): Set<string> {
  return new Set(
    (config.exportSigningKeys ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The keys that sign a region's files: the active one and those listed in the configuration. */
export async function signingKeyRows(
  db: Database,
  config: Config,
  healthAuthorityId: string,
): Promise<SigningKeyRecord[]> {
  const extra = extraSigningKeys(config);
  const rows = await createSigningKeyRepository(db).allOf('export', healthAuthorityId);
  return rows
    .filter((r) => r.active || extra.has(`${r.keyId}/${r.keyVersion}`))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.keyVersion.localeCompare(b.keyVersion));
}

/** Decrypts a key row into what buildExportFile signs with. */
export function toSigner(row: SigningKeyRecord, keys: ServerKeys): ExportSigner {
  const der = keys.decrypt(row.privateKeyEncrypted, sealContext(row.keyId, row.keyVersion));
  const jwk = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }).export({
    format: 'jwk',
  });
  if (!jwk.d) throw new Error(`export key ${row.keyId}/${row.keyVersion} is not an EC private key`);
  return {
    signingKey: new Uint8Array(Buffer.from(jwk.d, 'base64url')),
    signatureInfo: {
      verificationKeyId: row.keyId,
      verificationKeyVersion: row.keyVersion,
      signatureAlgorithm: ECDSA_SHA256_OID,
    },
  };
}

/**
 * Makes a new export key version for the authority (same key id, version v<n+1>) and makes it the
 * active one; the previous key stops signing unless listed in BLUEZONE_EXPORT_SIGNING_KEYS.
 */
export async function rotateExportSigningKey(
  db: Database,
  keys: ServerKeys,
  healthAuthorityId: string,
  keyId: string,
  now: Date,
): Promise<{ keyId: string; keyVersion: string; publicKeyPem: string }> {
  const repository = createSigningKeyRepository(db);
  const versions = (await repository.allOf('export', healthAuthorityId)).map((r) =>
    Number(/^v(\d+)$/.exec(r.keyVersion)?.[1] ?? 0),
  );
  const keyVersion = `v${Math.max(0, ...versions) + 1}`;
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const publicKeyPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  await repository.rotate('export', healthAuthorityId, {
    keyId,
    keyVersion,
    publicKeyPem,
    privateKeyEncrypted: keys.encrypt(der, sealContext(keyId, keyVersion)),
    createdAt: now,
  });
  return { keyId, keyVersion, publicKeyPem };
}

/** `rotateExportSigningKey` for a region's health authority; undefined when the region is unknown. */
export async function rotateRegionExportKey(
  deps: Pick<ServerDeps, 'db' | 'keys' | 'clock'>,
  region: string,
): Promise<{ keyId: string; keyVersion: string; publicKeyPem: string } | undefined> {
  const authority = await createAuthorityRepository(deps.db).findByRegion(region);
  if (!authority) return undefined;
  return rotateExportSigningKey(deps.db, deps.keys, authority.id, region, deps.clock.now());
}
