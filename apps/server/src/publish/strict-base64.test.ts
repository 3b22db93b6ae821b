import { randomBytes } from 'node:crypto';
import { fromBase64 } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { strictBase64 } from './strict-base64.js';

const protocolAccepts = (text: string): Uint8Array | undefined => {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
};

describe('strictBase64', () => {
  it('accepts and rejects what the protocol does, with the same bytes', () => {
    const valid = [0, 1, 2, 3, 15, 16, 17, 32].map((n) => randomBytes(n).toString('base64'));
    const key = randomBytes(16).toString('base64');
    const invalid = [
      key.slice(0, -2),
      `${key.slice(0, -2)}=`,
      `${key.slice(0, -3)}B==`, // non-zero bits in the padding: not the canonical encoding
      key.replace(/[A-Za-z]/, '-'),
      randomBytes(16).toString('base64url'),
      ` ${key.slice(1)}`,
      `${key.slice(0, 10)}\n${key.slice(11)}`,
      'AAAA====',
      '====',
      'QUJD!===',
    ];
    for (const text of [...valid, ...invalid]) {
      const ours = strictBase64(text);
      const theirs = protocolAccepts(text);
      expect(ours === undefined, text).toBe(theirs === undefined);
      if (ours && theirs) expect(new Uint8Array(ours)).toEqual(theirs);
    }
    for (const text of valid) expect(strictBase64(text)).toBeDefined();
  });
});
