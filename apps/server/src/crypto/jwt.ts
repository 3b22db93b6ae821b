import { type KeyObject, sign, verify } from 'node:crypto';

// Compact ES256 JSON Web Tokens (RFC 7519/7515): header and claims base64url-encoded, signature the
// raw r||s of ECDSA P-256 over SHA-256 (IEEE P1363 form, as JWS requires).

export interface JwtHeader {
  alg: 'ES256';
  typ: 'JWT';
  kid: string;
}

const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

export function signJwt(claims: object, privateKey: KeyObject, kid: string): string {
  const header: JwtHeader = { alg: 'ES256', typ: 'JWT', kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function parseSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks the shape, the algorithm and the signature (with the key `findKey` returns for the header's
 * kid) and returns the claims, or undefined when anything is wrong. Expiry is the caller's to check.
 */
export function verifyJwt(
  token: string,
  findKey: (kid: string) => KeyObject | undefined,
): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return undefined;
  const [h, c, s] = parts as [string, string, string];
  const header = parseSegment(h) as Partial<JwtHeader> | undefined;
  if (header?.alg !== 'ES256' || typeof header.kid !== 'string') return undefined;
  const key = findKey(header.kid);
  const signature = Buffer.from(s, 'base64url');
  if (!key || signature.length !== 64) return undefined;
  const ok = verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, signature);
  if (!ok) return undefined;
  const claims = parseSegment(c);
  return claims && typeof claims === 'object' && !Array.isArray(claims)
    ? (claims as Record<string, unknown>)
    : undefined;
}
