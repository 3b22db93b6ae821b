import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import type { ServerKeys } from './server-keys.js';
import type { SigningKeyPurpose, SigningKeyRepository } from './signing-key.repository.js';

export interface ActiveSigningKey {
  keyId: string;
  keyVersion: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

/** The AAD that binds an encrypted private key to its row. */
const sealContext = (purpose: string, keyId: string, keyVersion: string) =>
  `${purpose}/${keyId}/${keyVersion}`;

/**
 * ECDSA P-256 signing keys kept in the database with the private half encrypted by the server secret:
 * the server's token and certificate keys, and each health authority's export key.
 */
export function createSigningKeyService(repository: SigningKeyRepository, keys: ServerKeys) {
  const active = new Map<string, ActiveSigningKey>();
  const publicKeys = new Map<string, KeyObject>();

  async function ensureActive(
    purpose: SigningKeyPurpose,
    healthAuthorityId: string | null,
    now: Date,
    keyId = randomBytes(8).toString('hex'),
  ): Promise<ActiveSigningKey> {
    const cacheKey = `${purpose}/${healthAuthorityId ?? ''}`;
    const cached = active.get(cacheKey);
    if (cached) return cached;
    let row = await repository.findActive(purpose, healthAuthorityId);
    if (!row) {
      const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
      await repository.insertIfNoActive({
        purpose,
        healthAuthorityId,
        keyId,
        keyVersion: 'v1',
        publicKeyPem: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        privateKeyEncrypted: keys.encrypt(der, sealContext(purpose, keyId, 'v1')),
        createdAt: now,
      });
      row = await repository.findActive(purpose, healthAuthorityId);
      if (!row) throw new Error(`no active ${purpose} signing key after creating one`);
    }
    const der = keys.decrypt(row.privateKeyEncrypted, sealContext(purpose, row.keyId, row.keyVersion));
    const key: ActiveSigningKey = {
      keyId: row.keyId,
      keyVersion: row.keyVersion,
      publicKeyPem: row.publicKeyPem,
      privateKey: createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }),
    };
    active.set(cacheKey, key);
    return key;
  }

  /** Loads the public keys of a purpose, so `publicKey(kid)` answers synchronously. */
  async function loadPublicKeys(purpose: SigningKeyPurpose): Promise<void> {
    for (const row of await repository.findAll(purpose))
      publicKeys.set(`${purpose}/${row.keyId}`, createPublicKey(row.publicKeyPem));
  }

  return {
    ensureActive,
    loadPublicKeys,
    publicKey: (purpose: SigningKeyPurpose, keyId: string) => publicKeys.get(`${purpose}/${keyId}`),
    /** Creates the server's token and certificate keys if missing and caches what verifiers need. */
    async prepareServerKeys(now: Date): Promise<void> {
      await ensureActive('token', null, now);
      await ensureActive('certificate', null, now);
      await loadPublicKeys('token');
      await loadPublicKeys('certificate');
    },
  };
}

export type SigningKeyService = ReturnType<typeof createSigningKeyService>;
