import type { Clock } from '../clock.js';
import type { Config } from '../config/config.types.js';
import type { Database } from '../database/database.types.js';
import { createCodeRepository } from '../repositories/code.repository.js';
import { createIssuanceRepository } from '../repositories/issuance.repository.js';
import { createTokenRepository } from '../repositories/token.repository.js';
import { isoDay } from '../verification/dates.js';

export interface CleanupResult {
  codes: number;
  tokens: number;
  issuanceCounters: number;
}

/**
 * Retention (ARCHITECTURE.md): verification codes and tokens are deleted `BLUEZONE_CODE_RETENTION`
 * (48 h) after they expire, and so are the daily issuance counters of days that long past.
 */
export function createCleanupService(deps: { db: Database; clock: Clock; config: Config }) {
  const codes = createCodeRepository(deps.db);
  const tokens = createTokenRepository(deps.db);
  const issuance = createIssuanceRepository(deps.db);
  return async function cleanup(): Promise<CleanupResult> {
    const cutoff = new Date(deps.clock.now().getTime() - deps.config.codeRetention);
    return {
      codes: await codes.deleteExpiredBefore(cutoff),
      tokens: await tokens.deleteExpiredBefore(cutoff),
      issuanceCounters: await issuance.deleteDaysBefore(isoDay(cutoff)),
    };
  };
}

export type CleanupService = ReturnType<typeof createCleanupService>;
