import { describe, expect, it } from 'vitest';
import { isAppErrorLike } from '../testing/console-test-kit.js';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password.js';

describe('console passwords (scrypt)', () => {
  it('hashes self-describing with a random salt and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'garbage')).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('verifies hashes of another cost and marks weaker ones for rehashing', async () => {
    const cheap = await hashPassword('mật khẩu của tôi', { ln: 12, r: 8, p: 1 });
    expect(cheap.startsWith('$scrypt$ln=12,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('mật khẩu của tôi', cheap)).toBe(true);
    // Unicode normalization: the same text typed as decomposed characters still matches.
    expect(await verifyPassword('mật khẩu của tôi'.normalize('NFD'), cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
  });

  it('refuses passwords under 10 characters with a clear error', () => {
    expect(isAppErrorLike(() => checkPasswordPolicy('short'))).toBe('password_too_short');
    expect(isAppErrorLike(() => checkPasswordPolicy('x'.repeat(300)))).toBe('password_too_short');
    expect(() => checkPasswordPolicy('ten chars!')).not.toThrow();
  });
});
