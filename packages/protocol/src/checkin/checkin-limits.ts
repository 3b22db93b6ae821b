// Bounds on event QR codes, from CWA's verifier (description and address) and from what fits in a QR code.

/** Most characters (UTF-16 code units, as CWA counts them) in a venue's description or address. */
export const MAX_DESCRIPTION_LENGTH = 100;
export const MAX_ADDRESS_LENGTH = 100;
/** Length of the cryptographic seed in codes Bluezone makes (CWA refuses other lengths at check-in). */
export const CRYPTOGRAPHIC_SEED_LENGTH = 16;
/** Largest seed and public key read from a code (CWA's are 16 and 96 bytes). */
export const MAX_SEED_BYTES = 64;
export const MAX_PUBLIC_KEY_BYTES = 256;
/**
 * Largest payload read: a QR code holds at most 2,953 bytes, its base64url a quarter less. A payload at
 * the limits above (UTF-8 text of 3 bytes a character) is under 1 KB.
 */
export const MAX_PAYLOAD_BYTES = 2048;
/** Longest event URL read. */
export const MAX_EVENT_URL_LENGTH = 4096;
