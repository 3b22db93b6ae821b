import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ConsoleError } from './console-errors.js';

// Console passwords: scrypt from node:crypto (memory-hard, no native module), stored self-describing
// as `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding), so the cost can be raised later
// and old hashes still verify. docs/decisions/0005-console-passwords-and-sessions.md.

export const MIN_PASSWORD_LENGTH = 10;
/** Longer passwords are refused before hashing, so a huge body cannot keep scrypt busy. */
export const MAX_PASSWORD_LENGTH = 256;

export interface ScryptCost {
  /** log2 of N. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/** N = 2^15, r = 8, p = 1: 32 MiB and about 50-100 ms a hash on one core here. */
export const DEFAULT_COST: ScryptCost = { ln: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = '$scrypt$';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function derive(password: string, salt: Uint8Array, cost: ScryptCost, length: number): Promise<Buffer> {
  const N = 2 ** cost.ln;
  // scrypt needs 128 * N * r * p bytes (plus a little); Node's default maxmem (32 MiB) is too tight.
  const maxmem = 256 * N * cost.r * cost.p;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { N, r: cost.r, p: cost.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Refuses passwords shorter than 10 characters (`password_too_short`) or absurdly long. */
export function checkPasswordPolicy(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new ConsoleError('password_too_short');
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new ConsoleError('password_too_short', `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `${PREFIX}ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | undefined {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    encoded,
  );
  if (!match) return undefined;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 10 || ln > 22 || r < 1 || p < 1) return undefined;
  return {
    cost: { ln, r, p },
    salt: Buffer.from(match[4] ?? '', 'base64'),
    key: Buffer.from(match[5] ?? '', 'base64'),
  };
}

/** True when `password` matches the encoded hash; the comparison takes constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || parsed.key.length < 16 || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash is weaker than the default cost (to be rehashed at the next sign-in). */
export function needsRehash(encoded: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(encoded);
  return !parsed || parsed.cost.ln < cost.ln || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one password check for a username that does not exist, so the answer time does
 * not tell whether it does.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('bluezone-no-such-user-password');
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await dummy);
  return false;
}
