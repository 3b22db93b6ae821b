import { type ReportTypeName, toHex } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';
import type { StoredExposure } from '../exposures/exposure.repository.js';
import type { ValidKey } from './key-validation.js';
import { ALLOWED_REVISIONS } from './publish-rules.js';
import { covers, type RevisableKey } from './revision-token.js';

/** What a publish will write: new keys, revisions of stored ones, and the keys its token covers. */
export interface PublishPlan {
  readonly inserts: ValidKey[];
  readonly revisions: { key: ValidKey; from: string }[];
  /** Every key stored after this publish (new, already there, revised): the next token covers them. */
  readonly kept: ValidKey[];
  readonly warnings: string[];
}

/**
 * Sorts the accepted keys against what is stored (by hex key). A key not stored is inserted (a
 * revocation of a key never published is dropped with a warning). A stored key with the same report
 * type is a duplicate and left alone. A stored key with another report type is a revision: it needs
 * a revision token that covers it (same key, start and period), an allowed transition (likely →
 * confirmed, likely → revoked) and no earlier revision; otherwise the whole request is refused.
 */
export function planRevisions(
  accepted: readonly ValidKey[],
  stored: ReadonlyMap<string, StoredExposure>,
  reportType: ReportTypeName,
  covered: readonly RevisableKey[] | undefined,
): PublishPlan {
  const plan: PublishPlan = { inserts: [], revisions: [], kept: [], warnings: [] };
  const seen = new Set<string>();
  for (const key of accepted) {
    const hex = toHex(key.keyData);
    if (seen.has(hex)) continue;
    seen.add(hex);
    const row = stored.get(hex);
    if (!row) {
      if (reportType === 'REVOKED') plan.warnings.push('a key to revoke was never published; dropped');
      else {
        plan.inserts.push(key);
        plan.kept.push(key);
      }
      continue;
    }
    plan.kept.push(key);
    const current = row.revisedReportType ?? row.reportType;
    if (current === reportType) continue;
    if (row.revisedAt) throw new AppError('key_already_revised');
    if (!covered) throw new AppError('missing_revision_token');
    if (!covers(covered, key))
      throw new AppError(
        'invalid_revision_token',
        'The revision token does not cover a key of this request.',
      );
    const allowed = ALLOWED_REVISIONS[row.reportType as ReportTypeName] ?? [];
    if (!allowed.includes(reportType)) throw new AppError('invalid_revision_transition');
    plan.revisions.push({ key, from: row.reportType });
  }
  return plan;
}
