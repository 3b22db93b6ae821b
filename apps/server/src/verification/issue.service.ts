import { randomUUID } from 'node:crypto';
import { type IssueCodeRequest, type IssueCodeResponse, TEST_TYPES, type TestType } from '@bluezone/api';
import { optionalProvince } from '../areas/area-codes.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { createCodeRepository } from '../repositories/code.repository.js';
import { isUniqueViolation, violatedConstraint } from '../repositories/database-errors.js';
import { createIssuanceRepository } from '../repositories/issuance.repository.js';
import type { Caller, ServerDeps } from '../server-env/server-deps.js';
import { generateLongCode, generateShortCode } from './codes.js';
import { checkDate, isoDay } from './dates.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A fresh pair of codes colliding with a stored one is rare (see docs/security.md); retry a few times. */
const MAX_ATTEMPTS = 5;

interface ValidIssue {
  testType: TestType;
  symptomDate: string | null;
  testDate: string | null;
  uuid: string;
  /** The case's home province (ISO 3166-2), null when none was given. */
  province: string | null;
}

function validate(request: IssueCodeRequest, now: Date, maxAgeMs: number): ValidIssue {
  if (request.phone !== undefined && request.phone.trim() !== '') throw new AppError('phone_not_accepted');
  if (!(TEST_TYPES as readonly string[]).includes(request.testType))
    throw new AppError('invalid_test_type', `testType must be one of ${TEST_TYPES.join(', ')}.`);
  const testType = request.testType as TestType;
  const tz = request.tzOffset ?? 0;
  const symptomDate = checkDate('symptomDate', request.symptomDate, now, tz, maxAgeMs);
  const testDate = checkDate('testDate', request.testDate, now, tz, maxAgeMs);
  if (testType !== 'negative' && symptomDate === null && testDate === null)
    throw new AppError('missing_date');
  const uuid = (request.uuid ?? randomUUID()).toLowerCase();
  if (!UUID.test(uuid)) throw new AppError('invalid_request', 'uuid must be an RFC 4122 UUID.');
  const province = optionalProvince(request.province);
  return { testType, symptomDate, testDate, uuid, province };
}

const timestamp = (date: Date) => Math.floor(date.getTime() / 1000);

/** Issues codes for a health authority (`POST /api/issue` and `/api/batch-issue`). */
export function createIssueService(deps: ServerDeps) {
  const codes = createCodeRepository(deps.db);
  const issuance = createIssuanceRepository(deps.db);
  const { config } = deps;

  async function insertCodes(caller: Caller, valid: ValidIssue, now: Date): Promise<IssueCodeResponse> {
    const shortExpiresAt = new Date(now.getTime() + config.shortCodeLifetime);
    const longExpiresAt = new Date(now.getTime() + config.longCodeLifetime);
    for (let attempt = 1; ; attempt++) {
      const code = generateShortCode();
      const longCode = generateLongCode();
      try {
        await codes.insert({
          ...valid,
          healthAuthorityId: caller.healthAuthorityId,
          shortCodeHmac: deps.keys.codeHmac(code),
          longCodeHmac: deps.keys.codeHmac(longCode),
          issuedAt: now,
          shortExpiresAt,
          longExpiresAt,
        });
        deps.metrics.codesIssued.inc({ test_type: valid.testType });
        return {
          uuid: valid.uuid,
          code,
          expiresAt: shortExpiresAt.toUTCString(),
          expiresAtTimestamp: timestamp(shortExpiresAt),
          longCode,
          longExpiresAt: longExpiresAt.toUTCString(),
          longExpiresAtTimestamp: timestamp(longExpiresAt),
          ...(valid.province === null ? {} : { province: valid.province }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (violatedConstraint(error)?.includes('uuid')) throw new AppError('uuid_already_exists');
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  async function issue(caller: Caller, request: IssueCodeRequest): Promise<IssueCodeResponse> {
    const now = deps.clock.now();
    const valid = validate(request, now, config.maxDateAge);
    const day = isoDay(now);
    if (!(await issuance.reserve(caller.healthAuthorityId, day, 1, config.dailyIssueQuota)))
      throw new AppError('quota_exceeded');
    try {
      return await insertCodes(caller, valid, now);
    } catch (error) {
      await issuance.release(caller.healthAuthorityId, day, 1);
      throw error;
    }
  }

  /** Issues each item on its own: one item's error is reported in its place, the others still issue. */
  async function batchIssue(
    caller: Caller,
    requests: readonly IssueCodeRequest[],
  ): Promise<IssueCodeResponse[]> {
    const results: IssueCodeResponse[] = [];
    for (const request of requests) {
      try {
        results.push(await issue(caller, request));
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.push({ error: error.message, errorCode: error.code });
      }
    }
    return results;
  }

  return { issue, batchIssue };
}

export type IssueService = ReturnType<typeof createIssueService>;
