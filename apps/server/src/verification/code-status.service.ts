import type { CheckCodeStatusResponse, ExpireCodeResponse } from '@bluezone/api';
import { AppError } from '../errors/app-error.js';
import { createCodeRepository, type VerificationCode } from '../repositories/code.repository.js';
import type { Caller, ServerDeps } from '../server-env/server-deps.js';

const timestamps = (row: VerificationCode) => ({
  expiresAtTimestamp: Math.floor(row.shortExpiresAt.getTime() / 1000),
  longExpiresAtTimestamp: Math.floor(row.longExpiresAt.getTime() / 1000),
});

/** Lets a case worker see whether a code was used, and withdraw it (`/api/checkcodestatus`, `/api/expirecode`). */
export function createCodeStatusService(deps: ServerDeps) {
  const codes = createCodeRepository(deps.db);
  const normalize = (uuid: string) => {
    const text = uuid.trim().toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text))
      throw new AppError('invalid_request', 'uuid must be an RFC 4122 UUID.');
    return text;
  };

  return {
    async check(caller: Caller, uuid: string): Promise<CheckCodeStatusResponse> {
      const row = await codes.findByUuid(caller.healthAuthorityId, normalize(uuid));
      if (!row)
        throw new AppError('code_not_found', 'No code with this uuid was issued by this health authority.');
      return { claimed: row.claimedAt !== null, ...timestamps(row) };
    },

    async expire(caller: Caller, uuid: string): Promise<ExpireCodeResponse> {
      const row = await codes.expire(caller.healthAuthorityId, normalize(uuid), deps.clock.now());
      if (!row)
        throw new AppError('code_not_found', 'No code with this uuid was issued by this health authority.');
      return timestamps(row);
    },
  };
}

export type CodeStatusService = ReturnType<typeof createCodeStatusService>;
