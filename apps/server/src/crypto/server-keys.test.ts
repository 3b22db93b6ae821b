import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveServerKeys, loadServerSecret, SECRET_FILE } from './server-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'bluezone-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server secret', () => {
  it('is generated once into the data directory, readable only by its owner', () => {
    const first = loadServerSecret(undefined, join(dir, 'data'));
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, 'data', SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadServerSecret(undefined, join(dir, 'data'))).toEqual(first);
    expect(readFileSync(join(dir, 'data', SECRET_FILE), 'utf8').trim()).toBe(
      Buffer.from(first).toString('base64'),
    );
  });

  it('comes from BLUEZONE_SECRET when configured', () => {
    const configured = Buffer.alloc(32, 4).toString('base64');
    expect(loadServerSecret(configured, join(dir, 'unused'))).toEqual(new Uint8Array(32).fill(4));
  });
});

describe('derived keys', () => {
  const keys = deriveServerKeys(new Uint8Array(32).fill(1));
  const other = deriveServerKeys(new Uint8Array(32).fill(2));

  it('give distinct HMACs per purpose and per secret', () => {
    expect(keys.codeHmac('12345678')).toHaveLength(32);
    expect(keys.codeHmac('12345678')).not.toEqual(keys.tokenHmac('12345678'));
    expect(keys.codeHmac('12345678')).not.toEqual(keys.apiKeyHmac('12345678'));
    expect(keys.codeHmac('12345678')).not.toEqual(other.codeHmac('12345678'));
  });

  it('seal private keys to their row: another context or secret cannot open them', () => {
    const sealed = keys.encrypt(new Uint8Array([1, 2, 3]), 'export/VN/v1');
    expect(keys.decrypt(sealed, 'export/VN/v1')).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => keys.decrypt(sealed, 'export/TH/v1')).toThrow();
    expect(() => other.decrypt(sealed, 'export/VN/v1')).toThrow();
  });

  it('refuse a short secret', () => {
    expect(() => deriveServerKeys(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});
