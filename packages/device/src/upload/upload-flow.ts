import type { BluezoneClient, PublishTemporaryExposureKey } from '@bluezone/api';
import {
  computeTekmac,
  firstIntervalOfDay,
  isoDateOfDay,
  toBase64,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { keepCertificateForCheckIns } from '../checkin/check-in-share-state.js';
import { DeviceError } from '../errors.js';
import type { OwnKeys } from '../keys/own-keys.js';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { RandomSource } from '../ports/random-source.js';
import { checkVisitedProvinces } from '../sync/watch-list.js';
import { isRetryable, uploadError } from './upload-errors.js';

/** What the person is asked to confirm: what will leave the phone. */
export interface PreparedUpload {
  readonly id: string;
  /** `confirmed` (F0: the last 14 days) or `recursive` (F1: from the exposure date on). */
  readonly testType: 'confirmed' | 'recursive';
  /** ISO dates of the keys to publish, oldest first. */
  readonly days: readonly string[];
  readonly keyCount: number;
}

/** The upload kept in the store until it succeeds (`upload/pending`). */
type PendingUpload = PreparedUpload & {
  token: string;
  keys: PublishTemporaryExposureKey[];
  symptomOnsetInterval?: number;
  certificate?: string;
  hmacKey?: string;
  /** Provinces the person said they were in (the consent screen), sent as `visitedProvinces`. */
  visitedProvinces?: string[];
};

/** What the person confirmed: the prepared upload, and the provinces they say they were in (≤ 10). */
export type UploadConfirmation = Pick<PreparedUpload, 'id'> & {
  readonly visitedProvinces?: readonly string[] | undefined;
};

/** The outcome of a publish. */
export interface UploadResult {
  readonly insertedExposures: number;
  readonly keyCount: number;
  readonly warnings: readonly string[];
}

const PENDING = 'upload/pending';
/**
 * The revision token of the last successful publish: sent with the next one, so that keys published
 * as an F1 (RECURSIVE) become CONFIRMED_TEST when the same person later tests positive.
 */
const REVISION_TOKEN = 'upload/revision-token';
/** Length of the fresh HMAC key the `tekmac` is computed with (the protocol asks for ≥ 16). */
export const HMAC_KEY_LENGTH = 32;

export interface UploadDeps {
  readonly client: BluezoneClient;
  readonly store: KeyValueStore;
  readonly random: RandomSource;
  readonly ownKeys: OwnKeys;
  readonly healthAuthorityId: string;
}

/**
 * Step 1: redeems the code (`POST /api/verify`) and chooses the keys: every retained key (14 days,
 * today's included: the key server holds a key still valid back until it expires, docs/protocol.md §6)
 * for `confirmed`; for `recursive`, only the keys from the exposure date on. Nothing is shared yet.
 */
export async function prepareUpload(
  deps: UploadDeps,
  code: string,
  exposureDate: () => Promise<string | undefined>,
): Promise<PreparedUpload> {
  let verified: Awaited<ReturnType<BluezoneClient['verify']>>;
  try {
    verified = await deps.client.verify({ code: code.trim(), accept: ['confirmed', 'recursive'] });
  } catch (error) {
    throw uploadError(error);
  }
  const testType = verified.testtype;
  if ((testType !== 'confirmed' && testType !== 'recursive') || verified.token === undefined) {
    throw new DeviceError('upload_code_wrong_type', `a ${testType ?? 'unknown'} code does not publish keys`);
  }
  let from = Number.NEGATIVE_INFINITY;
  if (testType === 'recursive') {
    const date = (await exposureDate()) ?? verified.symptomDate ?? verified.testDate;
    if (date === undefined) {
      throw new DeviceError('upload_exposure_date_unknown', 'a recursive code needs the exposure date');
    }
    from = dayOfIso(date);
  }
  const chosen = (await deps.ownKeys.all()).filter(({ day }) => day >= from);
  if (chosen.length === 0) throw new DeviceError('upload_no_keys', 'there are no keys for those days');
  const onset = verified.symptomDate ?? verified.testDate;
  const pending: PendingUpload = {
    id: toBase64(deps.random.bytes(12)),
    testType,
    days: chosen.map(({ day }) => isoDateOfDay(day)),
    keyCount: chosen.length,
    token: verified.token,
    keys: chosen.map(({ key }) => ({
      key: toBase64(key.keyData),
      rollingStartNumber: key.rollingStartIntervalNumber,
      rollingPeriod: key.rollingPeriod,
      transmissionRisk: 0,
    })),
    ...(onset === undefined ? {} : { symptomOnsetInterval: firstIntervalOfDay(dayOfIso(onset)) }),
  };
  await setJson(deps.store, PENDING, pending);
  return { id: pending.id, testType, days: pending.days, keyCount: pending.keyCount };
}

/**
 * Step 2, only after the person confirmed: certificate (with a fresh HMAC key and the `tekmac` of
 * exactly these keys), then publish. No network or a busy server keeps the pending upload for
 * `retryUpload`; any other refusal discards it.
 */
export async function confirmUpload(deps: UploadDeps, prepared: UploadConfirmation): Promise<UploadResult> {
  const pending = await getJson<PendingUpload | null>(deps.store, PENDING, null);
  if (pending === null || pending.id !== prepared.id) {
    throw new DeviceError('upload_nothing_pending', 'no prepared upload with this id; enter the code again');
  }
  if (prepared.visitedProvinces !== undefined) {
    pending.visitedProvinces = checkVisitedProvinces(prepared.visitedProvinces);
    await setJson(deps.store, PENDING, pending);
  }
  try {
    if (pending.certificate === undefined || pending.hmacKey === undefined) {
      const hmacKey = deps.random.bytes(HMAC_KEY_LENGTH);
      const ekeyhmac = computeTekmac(hmacKey, pending.keys);
      const answer = await deps.client.certificate({ token: pending.token, ekeyhmac });
      if (answer.certificate === undefined)
        throw new DeviceError('upload_rejected', 'no certificate in the answer');
      pending.certificate = answer.certificate;
      pending.hmacKey = toBase64(hmacKey);
      await setJson(deps.store, PENDING, pending);
    }
    const revisionToken = await getJson<string | null>(deps.store, REVISION_TOKEN, null);
    const published = await deps.client.publish({
      temporaryExposureKeys: pending.keys,
      healthAuthorityID: deps.healthAuthorityId,
      verificationPayload: pending.certificate,
      hmacKey: pending.hmacKey,
      symptomOnsetInterval: pending.symptomOnsetInterval,
      traveler: false,
      ...(revisionToken === null ? {} : { revisionToken }),
      ...(pending.visitedProvinces?.length ? { visitedProvinces: pending.visitedProvinces } : {}),
    });
    if (published.revisionToken !== undefined)
      await setJson(deps.store, REVISION_TOKEN, published.revisionToken);
    // The same certificate may share check-ins once (docs/checkin.md); nothing else is kept.
    await keepCertificateForCheckIns(deps.store, pending.certificate, pending.symptomOnsetInterval);
    await deps.store.delete(PENDING);
    return {
      insertedExposures: published.insertedExposures ?? 0,
      keyCount: pending.keys.length,
      warnings: published.warnings ?? [],
    };
  } catch (error) {
    if (!isRetryable(error)) await deps.store.delete(PENDING);
    throw uploadError(error);
  }
}

/** The upload waiting for confirmation or a retry, if any. */
export async function pendingUpload(store: KeyValueStore): Promise<PreparedUpload | null> {
  const pending = await getJson<PendingUpload | null>(store, PENDING, null);
  return pending === null
    ? null
    : { id: pending.id, testType: pending.testType, days: pending.days, keyCount: pending.keyCount };
}

function dayOfIso(date: string): UtcDay {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new DeviceError('upload_exposure_date_unknown', `not a date: ${date}`);
  return utcDayOfSeconds(unixSeconds(ms / 1000));
}
