import { PUBLISH_PARTIAL_FAILURE, type PublishRequest, type PublishResponse } from '@bluezone/api';
import { intervalOfDate, toHex } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';
import { metricsFor } from '../metrics/bluezone-metrics.js';
import { createAuthorityRepository, type HealthAuthority } from '../repositories/authority.repository.js';
import { createExposureRepository, type NewExposure } from '../repositories/exposure.repository.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { checkCertificate } from './certificate-check.js';
import { checkKeyCount, checkOverlaps, validateKeys } from './key-validation.js';
import { daysSinceOnset, exportableAt, REPORT_TYPE_OF_CLAIM, toHour } from './publish-rules.js';
import { planRevisions } from './revision-plan.js';
import { createRevisionTokens } from './revision-token.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /v1/publish` (PROTOCOL.md §6): checks the request, the certificate and every key, stores the
 * new keys once each (embargoed while still valid), applies revisions the revision token allows, and
 * answers a fresh revision token. The order of the checks follows Google's key server: request
 * shape, health authority, certificate and tekmac (over every key sent), then key by key.
 */
export function createPublishService(deps: VerificationDeps) {
  const authorities = createAuthorityRepository(deps.db);
  const exposures = createExposureRepository(deps.db);
  const tokens = createRevisionTokens(deps.keys);

  async function authorityOf(id: string): Promise<HealthAuthority> {
    const authority = UUID.test(id) ? await authorities.findById(id) : await authorities.findByRegion(id);
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
    const reportType = REPORT_TYPE_OF_CLAIM[certificate.reportType];
    if (reportType === 'REVOKED' && request.revisionToken === undefined)
      throw new AppError('invalid_report_type');
    const covered = request.revisionToken === undefined ? undefined : tokens.open(request.revisionToken);
    if (request.revisionToken !== undefined && !covered) throw new AppError('invalid_revision_token');

    const { accepted, warnings } = validateKeys(request.temporaryExposureKeys, intervalOfDate(now));
    checkOverlaps(accepted);
    const onset = certificate.symptomOnsetInterval ?? request.symptomOnsetInterval;
    const stored = new Map(
      (await exposures.findByKeys(accepted.map((k) => k.keyData))).map((r) => [toHex(r.exposureKey), r]),
    );
    const plan = planRevisions(accepted, stored, reportType, covered);
    warnings.push(...plan.warnings);

    const createdAt = toHour(now);
    let written = 0;
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
    const rows: NewExposure[] = plan.inserts.map((key) => ({
      exposureKey: key.keyData,
      region: authority.region,
      healthAuthorityId: authority.id,
      rollingStartIntervalNumber: key.rollingStartIntervalNumber,
      rollingPeriod: key.rollingPeriod,
      transmissionRisk: key.transmissionRisk,
      reportType,
      daysSinceOnsetOfSymptoms: daysSinceOnset(key, onset),
      traveler: request.traveler ?? false,
      createdAt,
      exportableAt: exportableAt(key, now),
    }));
    written += await exposures.insertNew(rows);
    metricsFor(deps.config).publishedKeys.inc({ report_type: reportType }, written);

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
