// P-256 keys from PEM, in pure TypeScript: public keys as SPKI ("PUBLIC KEY"), private keys as PKCS#8
// ("PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"). Other curves and algorithms are refused by name.

import { p256 } from '@noble/curves/nist.js';
import { fromBase64 } from '../bytes.js';
import { ProtocolError } from '../errors.js';
import { DerTag, expectTag, oidToString, readDerElement, readDerSequence } from './der.js';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';
const KNOWN_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.110': 'X25519',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};

/** The base64 body of the PEM block labelled `label`, decoded; undefined when there is none. */
export function pemBlock(pem: string, label: string): Uint8Array | undefined {
  const begin = `-----BEGIN ${label}-----`;
  const start = pem.indexOf(begin);
  if (start < 0) return undefined;
  const end = pem.indexOf(`-----END ${label}-----`, start);
  if (end < 0) throw new ProtocolError('invalid_pem', `PEM block ${label} has no END line`);
  const body = pem.slice(start + begin.length, end).replace(/\s+/g, '');
  try {
    return fromBase64(body);
  } catch {
    throw new ProtocolError(
      'invalid_pem',
      `PEM block ${label} is not plain base64 (encrypted keys are not supported)`,
    );
  }
}

/** The SEC1 point (65 bytes, uncompressed) of a P-256 public key in SPKI PEM. */
export function parsePublicKeyPem(pem: string): Uint8Array {
  const der = pemBlock(pem, 'PUBLIC KEY');
  if (der === undefined)
    throw new ProtocolError('invalid_pem', 'no "BEGIN PUBLIC KEY" block (SPKI PEM expected)');
  const [algorithm, bits] = readDerSequence(
    readDerElement(der, DerTag.SEQUENCE, 'SubjectPublicKeyInfo'),
    'SPKI',
  );
  checkAlgorithm(algorithm);
  const point = expectTag(bits, DerTag.BIT_STRING, 'BIT STRING public key').content;
  if (point[0] !== 0) throw new ProtocolError('invalid_key_der', 'public key BIT STRING has unused bits');
  return checkedPoint(point.subarray(1));
}

/** The 32-byte secret scalar of a P-256 private key in PKCS#8 or SEC1 PEM. */
export function parsePrivateKeyPem(pem: string): Uint8Array {
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new ProtocolError('invalid_pem', 'encrypted private keys are not supported: decrypt it first');
  }
  const pkcs8 = pemBlock(pem, 'PRIVATE KEY');
  if (pkcs8 !== undefined) {
    const [version, algorithm, key] = readDerSequence(
      readDerElement(pkcs8, DerTag.SEQUENCE, 'PKCS#8'),
      'PKCS#8',
    );
    expectTag(version, DerTag.INTEGER, 'PKCS#8 version');
    checkAlgorithm(algorithm);
    return readEcPrivateKey(expectTag(key, DerTag.OCTET_STRING, 'PKCS#8 private key').content, false);
  }
  const sec1 = pemBlock(pem, 'EC PRIVATE KEY');
  if (sec1 !== undefined) return readEcPrivateKey(sec1, true);
  throw new ProtocolError('invalid_pem', 'no "BEGIN PRIVATE KEY" or "BEGIN EC PRIVATE KEY" block');
}

/** RFC 5915 ECPrivateKey; the curve parameter is required when no PKCS#8 wrapper names the curve. */
function readEcPrivateKey(der: Uint8Array, needCurve: boolean): Uint8Array {
  const [version, secret, ...optional] = readDerSequence(
    readDerElement(der, DerTag.SEQUENCE, 'ECPrivateKey'),
    'ECPrivateKey',
  );
  const v = expectTag(version, DerTag.INTEGER, 'ECPrivateKey version').content;
  if (v.length !== 1 || v[0] !== 1)
    throw new ProtocolError('invalid_key_der', 'ECPrivateKey version is not 1');
  const scalar = expectTag(secret, DerTag.OCTET_STRING, 'private key OCTET STRING').content;
  const params = optional.find((e) => e.tag === DerTag.CONTEXT_0);
  if (params !== undefined) checkCurve(readDerElement(params.content, DerTag.OID, 'curve OID').content);
  else if (needCurve) throw new ProtocolError('unsupported_key', 'EC private key does not name its curve');
  if (scalar.length > 32) throw new ProtocolError('invalid_key_der', 'private key is longer than 32 bytes');
  const padded = new Uint8Array(32);
  padded.set(scalar, 32 - scalar.length);
  if (!p256.utils.isValidSecretKey(padded)) {
    throw new ProtocolError('invalid_key_der', 'private key is not a valid P-256 scalar');
  }
  return padded;
}

function checkAlgorithm(algorithm: Parameters<typeof readDerSequence>[0] | undefined): void {
  const [oid, curve] = readDerSequence(
    expectTag(algorithm, DerTag.SEQUENCE, 'AlgorithmIdentifier'),
    'algorithm',
  );
  const name = oidToString(expectTag(oid, DerTag.OID, 'algorithm OID').content);
  if (name !== EC_PUBLIC_KEY) {
    throw new ProtocolError(
      'unsupported_key',
      `key algorithm ${KNOWN_OIDS[name] ?? name} is not EC (P-256 expected)`,
    );
  }
  checkCurve(expectTag(curve, DerTag.OID, 'named curve OID (explicit parameters are not supported)').content);
}

function checkCurve(oid: Uint8Array): void {
  const name = oidToString(oid);
  if (name !== P256)
    throw new ProtocolError('unsupported_key', `curve ${KNOWN_OIDS[name] ?? name} is not P-256`);
}

function checkedPoint(point: Uint8Array): Uint8Array {
  try {
    return p256.Point.fromBytes(point).toBytes(false);
  } catch {
    throw new ProtocolError('invalid_key_der', 'public key is not a point on P-256');
  }
}
