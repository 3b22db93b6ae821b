import type { ConsoleDeps } from '../accounts/console.types.js';
import { ConsoleError } from '../accounts/console-errors.js';
import { assertProvinceAccess, type ConsoleUser, provinceScope } from '../accounts/roles.js';
import { requireProvince } from '../areas/area-codes.js';
import { createAuditRepository } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { Caller } from '../server-env/server-deps.js';
import { createCodeStatusService } from './code-status.service.js';
import { createConsoleCodeRepository } from './console-code.repository.js';
import { createIssueService } from './issue.service.js';

/** Test types the console issues: F0 (`confirmed`) and F1 (`recursive`). */
export const CONSOLE_TEST_TYPES = ['confirmed', 'recursive'] as const;

export interface ConsoleIssueRequest {
  testType: string;
  symptomDate?: string | undefined;
  testDate?: string | undefined;
  tzOffset?: number | undefined;
  province?: string | undefined;
}

export type CodeStatus = 'unclaimed' | 'claimed' | 'expired';

/**
 * Codes through the console, for the region's health authority (BLUEZONE_REGION): issued by the same
 * service as `POST /api/issue` (validation, daily quota, HMAC storage), recorded by uuid, type, time,
 * province and issuer, listed with their status only, and expired.
 */
export function createConsoleCodesService(deps: ConsoleDeps) {
  const issuer = createIssueService(deps);
  const status = createCodeStatusService(deps);
  const authorities = createAuthorityRepository(deps.db);
  const codes = createConsoleCodeRepository(deps.db);
  const audit = createAuditRepository(deps.db);

  async function callerFor(user: ConsoleUser): Promise<Caller> {
    const authority = await authorities.findByRegion(deps.config.region);
    if (!authority) throw new ConsoleError('no_health_authority');
    return { apiKeyId: `console:${user.id}`, healthAuthorityId: authority.id };
  }

  const actor = (user: ConsoleUser) => ({ id: user.id, username: user.username });

  return {
    async issue(user: ConsoleUser, request: ConsoleIssueRequest) {
      if (!(CONSOLE_TEST_TYPES as readonly string[]).includes(request.testType))
        throw new AppError('invalid_test_type', 'The console issues confirmed (F0) or recursive (F1) codes.');
      const asked = request.province?.trim().toUpperCase() || null;
      const province = asked === null ? user.province : requireProvince(asked).code;
      assertProvinceAccess(user, province);
      const caller = await callerFor(user);
      const issued = await issuer.issue(caller, {
        testType: request.testType,
        ...(request.symptomDate === undefined ? {} : { symptomDate: request.symptomDate }),
        ...(request.testDate === undefined ? {} : { testDate: request.testDate }),
        ...(request.tzOffset === undefined ? {} : { tzOffset: request.tzOffset }),
        ...(province === null ? {} : { province }),
      });
      const uuid = issued.uuid ?? '';
      const issuedAt = deps.clock.now();
      await codes.insert({
        uuid,
        userId: user.id,
        username: user.username,
        province,
        testType: request.testType,
        issuedAt,
      });
      await audit.record(
        {
          actor: actor(user),
          action: 'code_issued',
          target: uuid,
          province,
          details: { testType: request.testType },
        },
        issuedAt,
      );
      const longCode = issued.longCode ?? '';
      return {
        uuid,
        testType: request.testType,
        province,
        code: issued.code ?? '',
        expiresAt: new Date((issued.expiresAtTimestamp ?? 0) * 1000).toISOString(),
        longCode,
        link: deps.config.codeLink.replace('{code}', encodeURIComponent(longCode)),
        longExpiresAt: new Date((issued.longExpiresAtTimestamp ?? 0) * 1000).toISOString(),
      };
    },

    /** The newest codes issued through the console that the user may see: status only, no code. */
    async list(user: ConsoleUser, limit: number) {
      const now = deps.clock.now();
      const scope = provinceScope(user);
      const rows = await codes.list({ limit, ...(scope === undefined ? {} : { province: scope }) });
      return rows.map((row) => {
        const state: CodeStatus =
          row.claimedAt !== null
            ? 'claimed'
            : row.longExpiresAt === null || row.longExpiresAt <= now
              ? 'expired'
              : 'unclaimed';
        return {
          uuid: row.uuid,
          testType: row.testType,
          province: row.province,
          status: state,
          issuedAt: row.issuedAt.toISOString(),
          issuedBy: row.issuedBy,
          expiresAt: row.longExpiresAt?.toISOString() ?? null,
        };
      });
    },

    async expire(user: ConsoleUser, uuid: string) {
      const normalized = uuid.trim().toLowerCase();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(normalized))
        throw new AppError('invalid_request', 'uuid must be an RFC 4122 UUID.');
      const row = await codes.findByUuid(normalized);
      if (!row)
        throw new AppError('code_not_found', 'No code with this uuid was issued through the console.');
      assertProvinceAccess(user, row.province);
      const result = await status.expire(await callerFor(user), normalized);
      await audit.record(
        {
          actor: actor(user),
          action: 'code_expired',
          target: normalized,
          province: row.province,
          details: { testType: row.testType },
        },
        deps.clock.now(),
      );
      return {
        uuid: normalized,
        expiresAt: new Date((result.longExpiresAtTimestamp ?? 0) * 1000).toISOString(),
      };
    },
  };
}
