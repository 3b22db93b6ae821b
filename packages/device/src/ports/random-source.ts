/**
 * Cryptographically secure randomness (the platform's CSPRNG: `crypto.getRandomValues`,
 * `SecureRandom`, `SecRandomCopyBytes`). TEKs and HMAC keys come from here and nowhere else.
 */
export interface RandomSource {
  /** `n` fresh random bytes. */
  bytes(n: number): Uint8Array;
}
