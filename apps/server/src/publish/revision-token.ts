import { MAX_PUBLISH_KEYS } from '@bluezone/api';
import { equalBytes, fromBase64, toBase64 } from '@bluezone/protocol';
import type { ServerKeys } from '../crypto/server-keys.js';
import { KEY_BYTES } from './key-validation.js';

// Revision tokens: the server's own encrypted note of which keys a publish stored, handed to the
// phone so that it (and only it) can later revise those keys' report type. Nothing is stored on the
// server. Plaintext: version 1, a key count, then per key its 16 bytes, rolling start (uint32
// big-endian) and rolling period (one byte), zero-filled to 30 keys so the token's length says
// nothing about how many keys it covers. Sealed with AES-256-GCM under a key derived from the server
// secret, with this purpose as the associated data, then base64.

const VERSION = 1;
const ENTRY_BYTES = KEY_BYTES + 4 + 1;
const PLAINTEXT_BYTES = 2 + MAX_PUBLISH_KEYS * ENTRY_BYTES;
/** Bytes of a sealed token (nonce, plaintext, tag): every token has this size. */
export const SEALED_TOKEN_BYTES = 12 + PLAINTEXT_BYTES + 16;
const CONTEXT = 'bluezone revision-token v1';

/** A key a revision token covers. */
export interface RevisableKey {
  readonly keyData: Uint8Array;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
}

export function createRevisionTokens(keys: Pick<ServerKeys, 'encrypt' | 'decrypt'>) {
  return {
    /** A token covering `covered` (at most 30 keys; later ones are left out). */
    issue(covered: readonly RevisableKey[]): string {
      const plain = new Uint8Array(PLAINTEXT_BYTES);
      const view = new DataView(plain.buffer);
      const list = covered.slice(0, MAX_PUBLISH_KEYS);
      plain[0] = VERSION;
      plain[1] = list.length;
      list.forEach((key, i) => {
        const at = 2 + i * ENTRY_BYTES;
        plain.set(key.keyData, at);
        view.setUint32(at + KEY_BYTES, key.rollingStartIntervalNumber);
        plain[at + KEY_BYTES + 4] = key.rollingPeriod;
      });
      return toBase64(keys.encrypt(plain, CONTEXT));
    },

    /** The keys a token covers, or undefined when it is not a token this server issued. */
    open(token: string): RevisableKey[] | undefined {
      let plain: Uint8Array;
      try {
        plain = keys.decrypt(fromBase64(token), CONTEXT);
      } catch {
        return undefined;
      }
      const count = plain[1] ?? 0;
      if (plain.length !== PLAINTEXT_BYTES || plain[0] !== VERSION || count > MAX_PUBLISH_KEYS)
        return undefined;
      const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
      return Array.from({ length: count }, (_, i) => {
        const at = 2 + i * ENTRY_BYTES;
        return {
          keyData: plain.slice(at, at + KEY_BYTES),
          rollingStartIntervalNumber: view.getUint32(at + KEY_BYTES),
          rollingPeriod: plain[at + KEY_BYTES + 4] ?? 0,
        };
      });
    },
  };
}

export type RevisionTokens = ReturnType<typeof createRevisionTokens>;

/** Whether `covered` lists this key with the same start and period. */
export function covers(covered: readonly RevisableKey[], key: RevisableKey): boolean {
  return covered.some(
    (c) =>
      equalBytes(c.keyData, key.keyData) &&
      c.rollingStartIntervalNumber === key.rollingStartIntervalNumber &&
      c.rollingPeriod === key.rollingPeriod,
  );
}
