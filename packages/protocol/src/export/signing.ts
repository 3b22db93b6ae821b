// ECDSA P-256 over SHA-256 of the whole export.bin, DER signatures (docs/protocol.md §4).

import { p256 } from '@noble/curves/nist.js';
import { ProtocolError } from '../errors.js';
import { ECDSA_SHA256_OID, type SignatureInfo, type TekSignature } from './types.js';

/** A public key the phone trusts for a verification key id and version. */
export interface ExportPublicKey {
  readonly keyId: string;
  readonly keyVersion: string;
  /** SEC1 point (as parsePublicKeyPem returns it). */
  readonly publicKey: Uint8Array;
}

/** The outcome for one signature of export.sig. */
export interface SignatureCheck {
  readonly keyId: string;
  readonly keyVersion: string;
  readonly valid: boolean;
}

/** Batch position written into TEKSignature (the same as the header's). */
export interface BatchPosition {
  readonly batchNum: number;
  readonly batchSize: number;
}

/**
 * Signs `exportBin` with a P-256 secret scalar (as parsePrivateKeyPem returns it). Deterministic
 * (RFC 6979) and low-S, which every verifier accepts.
 */
export function signExport(
  exportBin: Uint8Array,
  signingKey: Uint8Array,
  signatureInfo: SignatureInfo,
  batch: BatchPosition = { batchNum: 1, batchSize: 1 },
): TekSignature {
  if (signatureInfo.signatureAlgorithm !== ECDSA_SHA256_OID) {
    throw new ProtocolError(
      'unsupported_key',
      `signature algorithm ${signatureInfo.signatureAlgorithm} is not ${ECDSA_SHA256_OID}`,
    );
  }
  if (!p256.utils.isValidSecretKey(signingKey)) {
    throw new ProtocolError('invalid_signing_key', 'the signing key is not a 32-byte P-256 secret');
  }
  const signature = p256.sign(exportBin, signingKey, { prehash: true, lowS: true, format: 'der' });
  return { signatureInfo, batchNum: batch.batchNum, batchSize: batch.batchSize, signature };
}

/**
 * `signExport` for a caller that hashed export.bin itself (SHA-256, 32 bytes: a server hashing tens of
 * megabytes natively): the very same signature, since signing hashes the message first.
 */
export function signExportDigest(
  digest: Uint8Array,
  signingKey: Uint8Array,
  signatureInfo: SignatureInfo,
  batch: BatchPosition = { batchNum: 1, batchSize: 1 },
): TekSignature {
  if (signatureInfo.signatureAlgorithm !== ECDSA_SHA256_OID) {
    throw new ProtocolError(
      'unsupported_key',
      `signature algorithm ${signatureInfo.signatureAlgorithm} is not ${ECDSA_SHA256_OID}`,
    );
  }
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new ProtocolError('invalid_digest', 'a SHA-256 digest has 32 bytes');
  }
  if (!p256.utils.isValidSecretKey(signingKey)) {
    throw new ProtocolError('invalid_signing_key', 'the signing key is not a 32-byte P-256 secret');
  }
  const signature = p256.sign(digest, signingKey, { prehash: false, lowS: true, format: 'der' });
  return { signatureInfo, batchNum: batch.batchNum, batchSize: batch.batchSize, signature };
}

/**
 * Checks every signature against the public keys registered for its key id and version. A signature
 * with no matching key, another algorithm, or malformed DER is `valid: false`, never an exception.
 * High-S signatures are accepted (OpenSSL and Go produce them).
 */
export function verifyExportSignatures(
  exportBin: Uint8Array,
  signatures: readonly TekSignature[],
  publicKeys: readonly ExportPublicKey[],
): SignatureCheck[] {
  return signatures.map(({ signatureInfo: info, signature }) => {
    const candidates = publicKeys.filter(
      (k) => k.keyId === info.verificationKeyId && k.keyVersion === info.verificationKeyVersion,
    );
    const valid =
      info.signatureAlgorithm === ECDSA_SHA256_OID &&
      candidates.some((k) => verifyOne(exportBin, signature, k.publicKey));
    return { keyId: info.verificationKeyId, keyVersion: info.verificationKeyVersion, valid };
  });
}

function verifyOne(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return p256.verify(signature, message, publicKey, { prehash: true, lowS: false, format: 'der' });
  } catch {
    return false;
  }
}
