import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keys derived from the one server secret (docs/decisions/0003-secrets-at-rest.md): HMAC keys for
 * codes, API keys and token ids, the AES-256-GCM key that encrypts private signing keys at rest, and
 * the AES-256-GCM key (`declaration-encryption`) that encrypts the personal data of declarations.
 */
export interface ServerKeys {
  codeHmac(code: string): Uint8Array;
  apiKeyHmac(apiKey: string): Uint8Array;
  tokenHmac(tokenId: string): Uint8Array;
  /**
   * HMAC of a rate-limited key (client address group, username) under a key of its own for each
   * `window` (the limit's name and the window's start): the same key never maps to the same value in
   * two windows.
   */
  rateLimitHmac(window: string, key: string): Uint8Array;
  encrypt(plaintext: Uint8Array, context: string): Uint8Array;
  decrypt(sealed: Uint8Array, context: string): Uint8Array;
  /** AES-256-GCM under the `declaration-encryption` key: a declaration's personal data. */
  encryptDeclaration(plaintext: Uint8Array, context: string): Uint8Array;
  decryptDeclaration(sealed: Uint8Array, context: string): Uint8Array;
}

export const SECRET_FILE = 'secret.key';
const MIN_SECRET_BYTES = 32;

const derive = (secret: Uint8Array, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'bluezone-server', `bluezone ${purpose}`, 32));

export function deriveServerKeys(secret: Uint8Array): ServerKeys {
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`the server secret must have at least 32 bytes`);
  const hmac = (key: Buffer) => (text: string) =>
    new Uint8Array(createHmac('sha256', key).update(text).digest());
  const seal = aesGcm(derive(secret, 'key-encryption'));
  const declarationSeal = aesGcm(derive(secret, 'declaration-encryption'));
  const rateLimitBase = derive(secret, 'rate-limit-hmac');
  return {
    codeHmac: hmac(derive(secret, 'code-hmac')),
    apiKeyHmac: hmac(derive(secret, 'api-key-hmac')),
    tokenHmac: hmac(derive(secret, 'token-hmac')),
    rateLimitHmac: (window, key) => hmac(createHmac('sha256', rateLimitBase).update(window).digest())(key),
    encrypt: seal.encrypt,
    decrypt: seal.decrypt,
    encryptDeclaration: declarationSeal.encrypt,
    decryptDeclaration: declarationSeal.decrypt,
  };
}

/** nonce (12) ‖ ciphertext ‖ tag (16), with `context` as associated data. */
function aesGcm(key: Buffer) {
  return {
    encrypt(plaintext: Uint8Array, context: string): Uint8Array {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
    },
    decrypt(sealed: Uint8Array, context: string): Uint8Array {
      const data = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAAD(Buffer.from(context)).setAuthTag(data.subarray(data.length - 16));
      return new Uint8Array(
        Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]),
      );
    },
  };
}

/**
 * The server secret: `BLUEZONE_SECRET` when configured, otherwise `<dataDir>/secret.key`, created once
 * (32 random bytes, base64, mode 0600) on first start.
 */
export function loadServerSecret(configured: string | undefined, dataDir: string): Uint8Array {
  if (configured !== undefined) return new Uint8Array(Buffer.from(configured, 'base64'));
  const path = join(dataDir, SECRET_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`${path} does not hold a base64 secret of 32 bytes`);
  return new Uint8Array(secret);
}
