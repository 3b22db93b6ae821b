// What sharing check-ins after a key upload needs to keep: the certificate of that upload (usable once
// for check-ins) and the check-ins the person chose.
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';

/** The certificate kept after a key upload, for the check-ins' upload. */
export interface CheckInShareCertificate {
  readonly certificate: string;
  /** Symptom onset (or test date) as the first 10-minute interval of its day, when the code gave one. */
  readonly symptomOnsetInterval?: number | undefined;
}

const CERTIFICATE = 'checkin/share-certificate';
const CHOICE = 'checkin/share-choice';

/** Called by the upload flow once the keys are published with `certificate`. */
export async function keepCertificateForCheckIns(
  store: KeyValueStore,
  certificate: string | undefined,
  symptomOnsetInterval: number | undefined,
): Promise<void> {
  if (certificate === undefined) return;
  const record: CheckInShareCertificate = { certificate, symptomOnsetInterval };
  await setJson(store, CERTIFICATE, record);
}

export function shareCertificate(store: KeyValueStore): Promise<CheckInShareCertificate | null> {
  return getJson<CheckInShareCertificate | null>(store, CERTIFICATE, null);
}

/** The ids of the check-ins the person chose to share (null: not asked yet). */
export async function shareChoice(store: KeyValueStore): Promise<string[] | null> {
  const ids = await getJson<string[] | null>(store, CHOICE, null);
  return Array.isArray(ids) ? ids : null;
}

export function saveShareChoice(store: KeyValueStore, ids: readonly string[]): Promise<void> {
  return setJson(store, CHOICE, [...ids]);
}

/** Forgets the certificate and the choice (after the upload, or when it was refused). */
export async function clearShare(store: KeyValueStore): Promise<void> {
  await store.delete(CERTIFICATE);
  await store.delete(CHOICE);
}
