import { randomInt } from 'node:crypto';

// The two codes a case worker hands out (docs/protocol.md §5): 8 digits to read aloud, 16 characters of
// [a-z0-9] to send as a link. Uniform, from the CSPRNG.

export const SHORT_CODE_LENGTH = 8;
export const LONG_CODE_LENGTH = 16;
const LONG_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function generateShortCode(): string {
  return randomInt(0, 10 ** SHORT_CODE_LENGTH)
    .toString()
    .padStart(SHORT_CODE_LENGTH, '0');
}

export function generateLongCode(): string {
  let code = '';
  for (let i = 0; i < LONG_CODE_LENGTH; i++) code += LONG_ALPHABET[randomInt(0, LONG_ALPHABET.length)];
  return code;
}

/** Which kind of code a user typed, after trimming and lower-casing; undefined when neither. */
export function classifyCode(input: string): { code: string; short: boolean } | undefined {
  const code = input.trim().toLowerCase();
  if (/^\d{8}$/.test(code)) return { code, short: true };
  if (/^[a-z0-9]{16}$/.test(code)) return { code, short: false };
  return undefined;
}
