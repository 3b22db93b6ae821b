import { ctr, ecb } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ProtocolError } from '../errors.js';
import type { IntervalNumber } from '../time/interval.js';
import { TEK_LENGTH } from './temporary-exposure-key.js';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const INFO_RPIK = ascii('EN-RPIK');
const INFO_AEMK = ascii('EN-AEMK');
const EMPTY_SALT = new Uint8Array(0); // HKDF treats an absent salt as 32 zero bytes

export type RollingProximityIdentifierKey = Uint8Array;
export type AssociatedEncryptedMetadataKey = Uint8Array;
/** 16 bytes, broadcast for one interval. */
export type RollingProximityIdentifier = Uint8Array;

function checkTek(tek: Uint8Array): void {
  if (tek.length !== TEK_LENGTH) {
    throw new ProtocolError('invalid_key', `a temporary exposure key has 16 bytes, not ${tek.length}`);
  }
}

/** RPIK = HKDF-SHA256(TEK, no salt, "EN-RPIK", 16). */
export function deriveRollingProximityIdentifierKey(tek: Uint8Array): RollingProximityIdentifierKey {
  checkTek(tek);
  return hkdf(sha256, tek, EMPTY_SALT, INFO_RPIK, 16);
}

/** AEMK = HKDF-SHA256(TEK, no salt, "EN-AEMK", 16). */
export function deriveAssociatedEncryptedMetadataKey(tek: Uint8Array): AssociatedEncryptedMetadataKey {
  checkTek(tek);
  return hkdf(sha256, tek, EMPTY_SALT, INFO_AEMK, 16);
}

/** The 16-byte block encrypted for interval j: "EN-RPI", six zero bytes, j as uint32 little-endian. */
export function paddedData(interval: IntervalNumber): Uint8Array {
  const block = new Uint8Array(16);
  block.set(ascii('EN-RPI'));
  new DataView(block.buffer).setUint32(12, interval, true);
  return block;
}

/** RPI_j = AES-128-ECB(RPIK, PaddedData_j). */
export function deriveRollingProximityIdentifier(
  rpik: RollingProximityIdentifierKey,
  interval: IntervalNumber,
): RollingProximityIdentifier {
  return ecb(rpik, { disablePadding: true }).encrypt(paddedData(interval));
}

/** RPIs for `count` consecutive intervals from `first`, in one pass. */
export function deriveRollingProximityIdentifiers(
  rpik: RollingProximityIdentifierKey,
  first: IntervalNumber,
  count: number,
): RollingProximityIdentifier[] {
  const blocks = new Uint8Array(16 * count);
  for (let i = 0; i < count; i++) blocks.set(paddedData((first + i) as IntervalNumber), 16 * i);
  const out = ecb(rpik, { disablePadding: true }).encrypt(blocks);
  return Array.from({ length: count }, (_, i) => out.slice(16 * i, 16 * i + 16));
}

/** AEM = AES-128-CTR(AEMK, IV = RPI, metadata). The same call decrypts. */
export function encryptAssociatedMetadata(
  aemk: AssociatedEncryptedMetadataKey,
  rpi: RollingProximityIdentifier,
  metadata: Uint8Array,
): Uint8Array {
  if (rpi.length !== 16) throw new ProtocolError('invalid_rpi', `an RPI has 16 bytes, not ${rpi.length}`);
  return ctr(aemk, rpi).encrypt(metadata);
}

export const decryptAssociatedMetadata = encryptAssociatedMetadata;
