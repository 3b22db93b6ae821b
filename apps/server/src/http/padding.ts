import { randomBytes, randomInt } from 'node:crypto';

/**
 * Random base64 filler for answers, so that an observer of encrypted traffic cannot tell outcomes
 * apart by size. 32–160 random bytes.
 */
export function responsePadding(): string {
  return randomBytes(randomInt(32, 161)).toString('base64');
}
