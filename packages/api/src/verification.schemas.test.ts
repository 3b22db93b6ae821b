import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  BatchIssueCodeRequestSchema,
  MAX_BATCH_ISSUE,
  VerificationCertificateRequestSchema,
  VerifyCodeRequestSchema,
} from './verification.schemas.js';

describe('verification schemas', () => {
  it('accept the requests a GAEN app sends, with unknown fields tolerated', () => {
    expect(
      Value.Check(VerifyCodeRequestSchema, { code: '12345678', accept: ['confirmed'], padding: 'x' }),
    ).toBe(true);
    expect(Value.Check(VerificationCertificateRequestSchema, { token: 't', ekeyhmac: 'h', extra: 1 })).toBe(
      true,
    );
  });

  it('refuse wrong types and unknown test types in accept', () => {
    expect(Value.Check(VerifyCodeRequestSchema, { code: 12345678 })).toBe(false);
    expect(Value.Check(VerifyCodeRequestSchema, { code: '1', accept: ['positive'] })).toBe(false);
    expect(Value.Check(VerifyCodeRequestSchema, { code: '1', accept: ['recursive'] })).toBe(true);
  });

  it('bound batch issuance', () => {
    const codes = Array.from({ length: MAX_BATCH_ISSUE + 1 }, () => ({ testType: 'confirmed' }));
    expect(Value.Check(BatchIssueCodeRequestSchema, { codes })).toBe(false);
    expect(Value.Check(BatchIssueCodeRequestSchema, { codes: codes.slice(1) })).toBe(true);
    expect(Value.Check(BatchIssueCodeRequestSchema, { codes: [] })).toBe(false);
  });
});
