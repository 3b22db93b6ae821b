import { describe, expect, it } from 'vitest';
import { ERROR_CODE_NAMES, ERROR_CODES, errorMessage, errorStatus, isErrorCode } from './error-codes.js';

describe('error codes', () => {
  it('are snake_case with a 4xx/5xx status and one English line', () => {
    for (const name of ERROR_CODE_NAMES) {
      expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      const { status, message } = ERROR_CODES[name];
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(message).not.toContain('\n');
      expect(message.endsWith('.')).toBe(true);
    }
  });

  it("use Google's verification server names and statuses", () => {
    expect(errorStatus('token_invalid')).toBe(400);
    expect(errorStatus('unsupported_test_type')).toBe(412);
    expect(errorStatus('uuid_already_exists')).toBe(409);
    expect(errorStatus('quota_exceeded')).toBe(429);
    expect(errorStatus('unauthorized')).toBe(401);
  });

  it('treats unknown codes as internal errors', () => {
    expect(isErrorCode('no_such_code')).toBe(false);
    expect(errorStatus('no_such_code')).toBe(500);
    expect(errorMessage('no_such_code')).toBe(ERROR_CODES.internal.message);
  });
});
