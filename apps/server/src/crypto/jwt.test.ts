import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from './jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const find = (kid: string) => (kid === 'k1' ? publicKey : undefined);

describe('ES256 JWT', () => {
  it('round-trips claims with a 64-byte r||s signature', () => {
    const jwt = signJwt({ sub: 'x', n: 1 }, privateKey, 'k1');
    expect(Buffer.from(jwt.split('.')[2] as string, 'base64url')).toHaveLength(64);
    expect(verifyJwt(jwt, find)).toEqual({ sub: 'x', n: 1 });
  });

  it('rejects tampering, unknown kids, other keys and other algorithms', () => {
    const jwt = signJwt({ sub: 'x' }, privateKey, 'k1');
    const [h, , s] = jwt.split('.');
    const forged = `${h}.${Buffer.from('{"sub":"y"}').toString('base64url')}.${s}`;
    expect(verifyJwt(forged, find)).toBeUndefined();
    expect(verifyJwt(signJwt({ sub: 'x' }, privateKey, 'k2'), find)).toBeUndefined();
    expect(verifyJwt(signJwt({ sub: 'x' }, other.privateKey, 'k1'), find)).toBeUndefined();
    const none = `${Buffer.from('{"alg":"none","kid":"k1"}').toString('base64url')}.${jwt.split('.')[1]}.`;
    expect(verifyJwt(none, find)).toBeUndefined();
    expect(verifyJwt('not a jwt', find)).toBeUndefined();
  });
});
