import { fromBase64, fromHex } from '@bluezone/protocol';
import { CliError } from './cli-error.js';

/** A required option the user left out: one line, exit 2. */
export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new CliError(`${flag} is required`);
  return value;
}

/** Hex of exactly `length` bytes (upper or lower case). */
export function hexOption(text: string, flag: string, length: number): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(text))
    throw new CliError(`${flag} must be hexadecimal bytes, not "${text}"`);
  const bytes = fromHex(text);
  if (bytes.length !== length) {
    throw new CliError(`${flag} must be ${length} bytes (${2 * length} hex digits), not ${bytes.length}`);
  }
  return bytes;
}

/** Standard base64 with padding (RFC 4648 §4). */
export function base64Option(text: string, flag: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw new CliError(`${flag} must be standard base64 with padding, not "${text.slice(0, 40)}"`);
  }
}

/** A decimal integer in min…max, written without sign, exponent or fraction. */
export function integerOption(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d{1,10}$/.test(text) || n < min || n > max) {
    throw new CliError(`${flag} must be an integer from ${min} to ${max}, not "${text}"`);
  }
  return n;
}
