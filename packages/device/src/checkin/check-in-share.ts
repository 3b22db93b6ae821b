import { type BluezoneClient, MAX_TRACE_WARNINGS_PER_UPLOAD, type TraceWarningItem } from '@bluezone/api';
import {
  fromBase64,
  INTERVAL_SECONDS,
  type TraceTimeIntervalWarning,
  toBase64,
  traceWarningsForCheckIn,
} from '@bluezone/protocol';
import { DeviceError } from '../errors.js';
import type { KeyValueStore } from '../ports/key-value-store.js';
import type { RandomSource } from '../ports/random-source.js';
import { isRetryable } from '../upload/upload-errors.js';
import type { CheckInRecord } from './check-in-record.js';
import { clearShare, shareCertificate, shareChoice } from './check-in-share-state.js';

/** Uploads are padded as if they carried at least this many warnings. */
const PADDED_WARNINGS = 20;
/** Bytes a warning takes in the request, roughly (the padding's unit). */
const WARNING_JSON_BYTES = 120;
const DAY_SECONDS = 86_400;

export interface CheckInShareDeps {
  readonly client: BluezoneClient;
  readonly store: KeyValueStore;
  readonly random: RandomSource;
  readonly checkIns: readonly CheckInRecord[];
  readonly nowSeconds: number;
}

/** What the upload of check-ins did. */
export interface CheckInShareResult {
  readonly sharedCheckIns: number;
  readonly insertedWarnings: number;
}

/**
 * After the keys' upload: sends the chosen check-ins as trace warnings (`POST /v1/trace-warnings`)
 * with the same certificate, per UTC day of each stay the 10-minute intervals it touched and a
 * transmission risk from days since onset, never the venue's name; padded. Null when there is nothing
 * to send (no certificate kept, or the person was not asked: then the certificate is forgotten). No network or a busy server keeps both for a
 * retry (`checkin_share_network`); any other refusal forgets them (`checkin_share_rejected`).
 */
export async function shareCheckIns(deps: CheckInShareDeps): Promise<CheckInShareResult | null> {
  const certificate = await shareCertificate(deps.store);
  const choice = await shareChoice(deps.store);
  if (certificate === null) return null;
  if (choice === null) {
    // Nobody was asked: the certificate is not kept for later.
    await clearShare(deps.store);
    return null;
  }
  const chosen = deps.checkIns.filter((c) => choice.includes(c.id));
  if (chosen.length === 0) {
    await clearShare(deps.store);
    return { sharedCheckIns: 0, insertedWarnings: 0 };
  }
  const warnings = warningsFor(chosen, certificate.symptomOnsetInterval, deps.nowSeconds);
  const padding = Math.max(0, PADDED_WARNINGS - warnings.length) * WARNING_JSON_BYTES;
  try {
    const answer = await deps.client.uploadTraceWarnings({
      verificationPayload: certificate.certificate,
      warnings: warnings.map(uploadItem),
      padding: toBase64(deps.random.bytes(padding)),
    });
    await clearShare(deps.store);
    return { sharedCheckIns: chosen.length, insertedWarnings: answer.insertedWarnings };
  } catch (error) {
    if (isRetryable(error)) {
      throw new DeviceError('checkin_share_network', 'the check-ins will be sent again later', {
        cause: error,
      });
    }
    await clearShare(deps.store);
    const message = error instanceof Error ? error.message : String(error);
    throw new DeviceError('checkin_share_rejected', message, { cause: error });
  }
}

/** The warnings of the chosen stays (each cut at now), newest first, at most MAX_TRACE_WARNINGS_PER_UPLOAD. */
function warningsFor(
  chosen: readonly CheckInRecord[],
  onsetInterval: number | undefined,
  nowSeconds: number,
): TraceTimeIntervalWarning[] {
  const onset = {
    uploadDay: Math.floor(nowSeconds / DAY_SECONDS),
    onsetDay:
      onsetInterval === undefined ? undefined : Math.floor((onsetInterval * INTERVAL_SECONDS) / DAY_SECONDS),
  };
  return chosen
    .slice()
    .sort((a, b) => b.checkInStart - a.checkInStart)
    .flatMap((c) =>
      traceWarningsForCheckIn(
        {
          locationId: fromBase64(c.locationId),
          checkInStart: c.checkInStart,
          checkInEnd: Math.max(c.checkInStart, Math.min(c.checkInEnd, nowSeconds)),
        },
        onset,
      ),
    )
    .slice(0, MAX_TRACE_WARNINGS_PER_UPLOAD);
}

function uploadItem(w: TraceTimeIntervalWarning): TraceWarningItem {
  return {
    locationIdHash: toBase64(w.locationIdHash),
    startIntervalNumber: w.startIntervalNumber,
    period: w.period,
    transmissionRiskLevel: w.transmissionRiskLevel,
  };
}
