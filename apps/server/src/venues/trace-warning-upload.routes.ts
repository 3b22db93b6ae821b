import { createHash } from 'node:crypto';
import {
  MAX_TRACE_WARNING_BODY_BYTES,
  MAX_TRACE_WARNINGS_PER_UPLOAD,
  type TraceWarningItem,
  TraceWarningUploadAnswerSchema,
  TraceWarningUploadSchema,
} from '@bluezone/api';
import { checkTraceWarning, isProtocolError, type TraceTimeIntervalWarning } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';
import { verifyCertificateClaims } from '../publish/certificate-check.js';
import { strictBase64 } from '../publish/strict-base64.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createTraceWarningRepository, hourOf } from './trace-warning.repository.js';
import { placeUploadedWarnings } from './trace-warning-provinces.js';
import { createVenueRepository } from './venue.repository.js';

/** Windows older than this many days (before the upload) are refused: packages keep 14 days. */
const MAX_WARNING_AGE_DAYS = 15;
const INTERVAL_MS = 600_000;

/**
 * One uploaded warning, checked: base64 of a 32-byte hash, the protocol's checks, and a window that
 * started in the last 15 days and not after now. Throws 400 `checkin_invalid_warning` naming it.
 */
export function uploadedWarning(item: TraceWarningItem, index: number, now: Date): TraceTimeIntervalWarning {
  const where = `warnings[${index}]`;
  const hash = strictBase64(item.locationIdHash);
  const warning = {
    locationIdHash: hash ? new Uint8Array(hash) : new Uint8Array(0),
    startIntervalNumber: item.startIntervalNumber,
    period: item.period,
    transmissionRiskLevel: item.transmissionRiskLevel,
  };
  try {
    if (!hash) throw new AppError('checkin_invalid_warning', `${where}: the location ID hash is not base64.`);
    checkTraceWarning(warning, where);
  } catch (error) {
    if (isProtocolError(error)) throw new AppError('checkin_invalid_warning', `${error.message}.`);
    throw error;
  }
  const nowInterval = Math.floor(now.getTime() / INTERVAL_MS);
  const oldest = nowInterval - MAX_WARNING_AGE_DAYS * 144;
  if (warning.startIntervalNumber > nowInterval || warning.startIntervalNumber < oldest)
    throw new AppError(
      'checkin_invalid_warning',
      `${where}: start interval ${warning.startIntervalNumber} is not in the last ${MAX_WARNING_AGE_DAYS} days.`,
    );
  return warning;
}

/**
 * `POST /v1/trace-warnings` (docs/checkin.md "Upload"): the check-ins a person who reported positive
 * chose to share. The verification certificate of the keys' upload is the permission, once: its
 * SHA-256 is kept until it expires. Only the hash, window, risk level, hour received and the province
 * whose set publishes it (the registered venue's, else the certificate's; docs/decisions/0020) are stored.
 */
export function registerTraceWarningUploadRoutes(app: BluezoneServer, deps: ServerDeps): void {
  const warnings = createTraceWarningRepository(deps.db);
  const venues = createVenueRepository(deps.db);
  app.post(
    '/v1/trace-warnings',
    {
      bodyLimit: MAX_TRACE_WARNING_BODY_BYTES,
      schema: {
        summary: 'Upload the check-ins a person who reported positive chose to share, as trace warnings',
        tags: ['check-in'],
        body: TraceWarningUploadSchema,
        response: { 200: TraceWarningUploadAnswerSchema },
      },
    },
    async (request) => {
      const now = deps.clock.now();
      const { verificationPayload, warnings: items } = request.body;
      const { checked, expiresAt } = verifyCertificateClaims(deps, verificationPayload, now);
      if (checked.reportType !== 'confirmed' && checked.reportType !== 'likely')
        throw new AppError(
          'invalid_report_type',
          'Only a confirmed or likely positive result shares check-ins.',
        );
      if (items.length > MAX_TRACE_WARNINGS_PER_UPLOAD)
        throw new AppError(
          'too_many_warnings',
          `${items.length} warnings; an upload carries at most ${MAX_TRACE_WARNINGS_PER_UPLOAD}.`,
        );
      const checkedWarnings = items.map((item, i) => uploadedWarning(item, i, now));
      const venueProvinces = await venues.provincesByLocationIdHash(
        checkedWarnings.map((w) => w.locationIdHash),
      );
      const placed = placeUploadedWarnings(checkedWarnings, venueProvinces, checked.province);
      const certificateHash = createHash('sha256').update(verificationPayload, 'utf8').digest();
      const stored = await warnings.insertUpload(
        new Uint8Array(certificateHash),
        expiresAt,
        placed,
        hourOf(now),
      );
      if (!stored) throw new AppError('checkin_certificate_used');
      return { insertedWarnings: checkedWarnings.length };
    },
  );
}
