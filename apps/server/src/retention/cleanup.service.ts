import { deleteDeclarationsReceivedBefore } from '../declarations/declaration.repository.js';
import { createExposureRepository } from '../exposures/exposure.repository.js';
import { deleteEndedRateLimitCounts } from '../rate-limits/shared-rate-limiter.js';
import { createCodeRepository } from '../repositories/code.repository.js';
import { createIssuanceRepository } from '../repositories/issuance.repository.js';
import { createTokenRepository } from '../repositories/token.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createTraceWarningRetention } from '../venues/trace-warning-retention.js';
import { isoDay } from '../verification/dates.js';
import { createExportRetention } from './export-retention.service.js';

export interface CleanupResult {
  codes: number;
  tokens: number;
  issuanceCounters: number;
  /** Published keys past `BLUEZONE_KEY_RETENTION`. */
  exposures: number;
  exportBatches: number;
  /** Export zips deleted from the blob store. */
  exportFiles: number;
  /** Declarations received more than `BLUEZONE_DECLARATION_RETENTION` ago. */
  declarations: number;
  /** Rate-limit counts whose window no longer counts (also deleted by the limiters themselves). */
  rateLimitCounts: number;
  /** Check-in warnings, their packages (zips) and used certificates past retention (docs/checkin.md). */
  traceWarnings: number;
  traceWarningPackages: number;
  traceWarningCertificates: number;
}

/**
 * Retention (docs/architecture.md, docs/operations.md), run every `BLUEZONE_CLEANUP_INTERVAL` by
 * `bluezone server`:
 * - verification codes and tokens are deleted `BLUEZONE_CODE_RETENTION` (48 h) after they expire, and
 *   so are the daily issuance counters of days that long past;
 * - published keys `BLUEZONE_KEY_RETENTION` (14 days) after their rolling period ends;
 * - export files, their index entries and batches once every key in them is past that retention;
 * - declarations `BLUEZONE_DECLARATION_RETENTION` (30 days) after the UTC day they were received;
 * - rate-limit counts once the window after theirs has ended (docs/privacy.md, "Rate limits");
 * - check-in warnings and their hourly packages 14 days after the hour received, used check-in
 *   certificates once expired (docs/checkin.md).
 */
export function createCleanupService(
  deps: Pick<ServerDeps, 'db' | 'clock' | 'config' | 'blobStore' | 'metrics'>,
) {
  const codes = createCodeRepository(deps.db);
  const tokens = createTokenRepository(deps.db);
  const issuance = createIssuanceRepository(deps.db);
  const keys = createExposureRepository(deps.db);
  const expireExports = createExportRetention(deps.db, deps.blobStore);
  const expireTraceWarnings = createTraceWarningRetention(deps.db, deps.blobStore);
  return async function cleanup(): Promise<CleanupResult> {
    const now = deps.clock.now().getTime();
    const cutoff = new Date(now - deps.config.codeRetention);
    const keyCutoff = new Date(now - deps.config.keyRetention);
    const result: CleanupResult = {
      codes: await codes.deleteExpiredBefore(cutoff),
      tokens: await tokens.deleteExpiredBefore(cutoff),
      issuanceCounters: await issuance.deleteDaysBefore(isoDay(cutoff)),
      exposures: await keys.deleteEndedBefore(keyCutoff),
      ...(await expireExports(keyCutoff)),
      declarations: await deleteDeclarationsReceivedBefore(
        deps.db,
        isoDay(new Date(now - deps.config.declarationRetention)),
      ),
      rateLimitCounts: await deleteEndedRateLimitCounts(deps.db, new Date(now)),
      ...(await expireTraceWarnings(new Date(now))),
    };
    // What was deleted, by kind (`codes`, `exposures`, `exportFiles`, …).
    for (const [kind, count] of Object.entries(result)) deps.metrics.retentionDeleted.inc({ kind }, count);
    return result;
  };
}

export type CleanupService = ReturnType<typeof createCleanupService>;
