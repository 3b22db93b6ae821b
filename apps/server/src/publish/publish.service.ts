import { PUBLISH_PARTIAL_FAILURE, type PublishRequest, type PublishResponse } from '@bluezone/api';
import { intervalOfDate, toHex } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';
import { createExposureRepository, type NewExposures } from '../exposures/exposure.repository.js';
import { createAuthorityRepository, type HealthAuthority } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createAuthorityCache } from './authority-cache.js';
import { checkCertificate } from './certificate-check.js';
import { createInsertBatcher } from './insert-batcher.js';
import { keyProvinces } from './key-provinces.js';
import { checkKeyCount, checkOverlaps, type ValidKey, validateKeys } from './key-validation.js';
import { daysSinceOnset, exportableAt, REPORT_TYPE_OF_CLAIM, toHour } from './publish-rules.js';
import { planRevisions } from './revision-plan.js';
import { createRevisionTokens } from './revision-token.js';

/**
 * `POST /v1/publish` (docs/protocol.md §6): checks the request, the certificate and every key, stores the
 * new keys once each (embargoed while still valid), applies revisions the revision token allows, and
 * answers a fresh revision token. The order of the checks follows Google's key server: request
 * shape, health authority, certificate and tekmac (over every key sent), then key by key.
 */
export function createPublishService(deps: ServerDeps) {
  const authorityNamed = createAuthorityCache(createAuthorityRepository(deps.db));
  const exposures = createExposureRepository(deps.db);
  const insertUnlessStored = createInsertBatcher(exposures.insertUnlessStored);
  const tokens = createRevisionTokens(deps.keys);

  async function authorityOf(id: string): Promise<HealthAuthority> {
    const authority = await authorityNamed(id);
    if (!authority) throw new AppError('unknown_health_authority');
    return authority;
  }

  return async function publish(request: PublishRequest): Promise<PublishResponse> {
    const now = deps.clock.now();
    checkKeyCount(request.temporaryExposureKeys.length);
    const authority = await authorityOf(request.healthAuthorityID);
    const certificate = checkCertificate(deps, request, now);
    if (certificate.healthAuthorityId !== authority.id)
      throw new AppError('invalid_certificate', 'The certificate was issued to another health authority.');
    // Fixed at a key's first insert: a revision or a replay (tekmac does not cover them) adds none.
    const provinces = keyProvinces(certificate.province, request.visitedProvinces);
    const reportType = REPORT_TYPE_OF_CLAIM[certificate.reportType];
    if (reportType === 'REVOKED' && request.revisionToken === undefined)
      throw new AppError('invalid_report_type');
    const covered = request.revisionToken === undefined ? undefined : tokens.open(request.revisionToken);
    if (request.revisionToken !== undefined && !covered) throw new AppError('invalid_revision_token');

    const { accepted, warnings } = validateKeys(request.temporaryExposureKeys, intervalOfDate(now));
    checkOverlaps(accepted);
    const onset = certificate.symptomOnsetInterval ?? request.symptomOnsetInterval;
    const createdAt = toHour(now);
    const rowsOf = (keys: readonly ValidKey[]): NewExposures => ({
      region: authority.region,
      healthAuthorityId: authority.id,
      reportType,
      traveler: request.traveler ?? false,
      createdAt,
      provinces,
      keys: keys.map((key) => ({
        exposureKey: key.keyData,
        rollingStartIntervalNumber: key.rollingStartIntervalNumber,
        rollingPeriod: key.rollingPeriod,
        transmissionRisk: key.transmissionRisk,
        daysSinceOnsetOfSymptoms: daysSinceOnset(key, onset),
        exportableAt: exportableAt(key, now),
      })),
    });

    // The common case, new keys only: planned as if nothing were stored and inserted in one statement
    // (shared with concurrent publishes) that inserts none of them when one is stored already. Then (and for a revocation, which
    // only concerns stored keys) the plan is made again against what is stored, as a rare slow path.
    let plan = planRevisions(accepted, new Map(), reportType, covered);
    let written = 0;
    let stored: Awaited<ReturnType<typeof exposures.findByKeys>> | undefined;
    if (reportType === 'REVOKED') stored = await exposures.findByKeys(accepted.map((k) => k.keyData));
    else {
      const first = await insertUnlessStored(rowsOf(plan.inserts));
      written = first.inserted;
      if (first.stored.length > 0) stored = first.stored;
    }
    if (stored) {
      plan = planRevisions(
        accepted,
        new Map(stored.map((r) => [toHex(r.exposureKey), r])),
        reportType,
        covered,
      );
      for (const { key, from } of plan.revisions) {
        const revised = await exposures.revise(key.keyData, from, {
          revisedReportType: reportType,
          revisedDaysSinceOnsetOfSymptoms: daysSinceOnset(key, onset),
          revisedTransmissionRisk: key.transmissionRisk,
          revisedAt: createdAt,
          revisedExportableAt: exportableAt(key, now),
        });
        if (!revised) throw new AppError('key_already_revised');
        written++;
      }
      written += await exposures.insertNew(rowsOf(plan.inserts));
    }
    warnings.push(...plan.warnings);
    deps.metrics.publishedKeys.inc({ report_type: reportType }, written);

    return {
      revisionToken: tokens.issue(plan.kept),
      insertedExposures: written,
      ...(warnings.length > 0
        ? { code: PUBLISH_PARTIAL_FAILURE, error: `${warnings.length} of the keys were dropped.`, warnings }
        : { warnings: [] }),
    };
  };
}

export type PublishService = ReturnType<typeof createPublishService>;
