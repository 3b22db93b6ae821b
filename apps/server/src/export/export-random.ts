import { createCipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { ExportRandom } from './export-file-plan.js';

/** Fresh randomness for every call (tests, or when no seed is wanted). */
export const cryptoRandom: ExportRandom = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
  int: (n) => randomInt(n),
};

/**
 * The padding randomness of one batch: an AES-256-CTR keystream under a key derived (HKDF) from the
 * batch's signing key and window. Unpredictable without the private key, yet the same on every
 * attempt, so a batch written again after a crash, or by a worker that lost its lease, has the same
 * bytes (ECDSA signatures are deterministic too): a listed file never changes.
 */
export function batchRandom(signingKey: Uint8Array, label: string): ExportRandom {
  const key = Buffer.from(hkdfSync('sha256', signingKey, 'bluezone-export-padding', label, 32));
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const bytes = (n: number) => new Uint8Array(cipher.update(Buffer.alloc(n)));
  return {
    bytes,
    int(n) {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`int(${n})`);
      // Rejection sampling: uniform in 0…n-1 without modulo bias.
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const value = Buffer.from(bytes(4)).readUInt32BE(0);
        if (value < limit) return value % n;
      }
    },
  };
}
