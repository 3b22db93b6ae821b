import { randomInt } from 'node:crypto';

/**
 * Characters of invite and link codes: capitals and digits without those read or typed wrongly
 * (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). 23 characters: six of them make 23^6 ≈ 148 million codes.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

/** A random code of `length` characters of CODE_ALPHABET. */
export function newInviteCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Whether a text could be a code (before looking it up). */
export const isInviteCode = (text: string): boolean => /^[A-Z0-9]{4,12}$/.test(text);

/** Whether a code names an organisation or a tracked link (the campaigns module owns them). */
export interface KnownInviteCodes {
  organisation(code: string): Promise<boolean>;
  link(code: string): Promise<boolean>;
}
