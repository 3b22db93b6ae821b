import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { equalBytes, fromBase64, toBase64 } from '../bytes.js';
import { ProtocolError } from '../errors.js';

/** The phone's HMAC key must have at least this many bytes (verification protocol). */
export const MIN_TEKMAC_KEY_LENGTH = 16;

/** A key as the publish API carries it (docs/protocol.md §6), the input of the verification HMAC. */
export interface PublishedKey {
  /** Base64 key data, exactly as sent: the HMAC covers the text, not the decoded bytes. */
  readonly key: string;
  readonly rollingStartNumber: number;
  readonly rollingPeriod: number;
  /** 0…8; absent counts as 0, like the key server's zero value. */
  readonly transmissionRisk?: number | undefined;
}

export interface TekmacOptions {
  /**
   * true (the default): `key.start.period.risk`. false: `key.start.period`, the older form the key
   * server also accepts when every transmission risk is 0.
   */
  readonly withTransmissionRisk?: boolean;
}

/**
 * The HMAC's cleartext: one `base64key.rollingStartNumber.rollingPeriod[.transmissionRisk]` per key,
 * sorted by that string (code-unit order, which for base64 and digits is byte order, as Go sorts),
 * joined with `,`. Keys are checked only for being well-formed (a string and integers): a key the
 * publish API later drops for its length or period still counts, as in Google's server, which
 * verifies the certificate against every key of the request before dropping any.
 */
export function tekmacCleartext(keys: readonly PublishedKey[], options: TekmacOptions = {}): string {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new ProtocolError('tekmac_no_keys', 'the verification HMAC needs at least one key');
  }
  const withRisk = options.withTransmissionRisk ?? true;
  return keys
    .map((k, i) => {
      checkKey(k, i);
      const base = `${k.key}.${k.rollingStartNumber}.${k.rollingPeriod}`;
      return withRisk ? `${base}.${k.transmissionRisk ?? 0}` : base;
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(',');
}

/** base64(HMAC-SHA256(hmacKey, cleartext)): the `tekmac` claim a certificate binds to these keys. */
export function computeTekmac(
  hmacKey: Uint8Array,
  keys: readonly PublishedKey[],
  options: TekmacOptions = {},
): string {
  return toBase64(tekmacBytes(hmacKey, tekmacCleartext(keys, options)));
}

/**
 * Whether `expectedBase64` (a certificate's `tekmac` claim) is the HMAC of these keys: the form with
 * transmission risk always, the form without it too when every transmission risk is 0 (unless
 * `allowWithoutTransmissionRisk` is false). Compares in constant time, and computes every allowed
 * form before comparing, so timing says nothing about which one matched. A claim that is not
 * base64 simply does not match.
 */
export function verifyTekmac(
  hmacKey: Uint8Array,
  keys: readonly PublishedKey[],
  expectedBase64: string,
  options: { readonly allowWithoutTransmissionRisk?: boolean } = {},
): boolean {
  const withRisk = tekmacBytes(hmacKey, tekmacCleartext(keys, { withTransmissionRisk: true }));
  const allowShort =
    (options.allowWithoutTransmissionRisk ?? true) && keys.every((k) => (k.transmissionRisk ?? 0) === 0);
  const withoutRisk = allowShort
    ? tekmacBytes(hmacKey, tekmacCleartext(keys, { withTransmissionRisk: false }))
    : undefined;
  let expected: Uint8Array;
  try {
    expected = fromBase64(expectedBase64);
  } catch {
    return false;
  }
  const first = equalBytes(withRisk, expected);
  const second = withoutRisk !== undefined && equalBytes(withoutRisk, expected);
  return first || second;
}

function tekmacBytes(hmacKey: Uint8Array, cleartext: string): Uint8Array {
  if (!(hmacKey instanceof Uint8Array) || hmacKey.length < MIN_TEKMAC_KEY_LENGTH) {
    throw new ProtocolError(
      'invalid_hmac_key',
      `the HMAC key must have at least ${MIN_TEKMAC_KEY_LENGTH} bytes, not ${hmacKey?.length}`,
    );
  }
  return hmac(sha256, hmacKey, utf8ToBytes(cleartext));
}

function checkKey(k: PublishedKey, index: number): void {
  const fields = [k?.rollingStartNumber, k?.rollingPeriod, k?.transmissionRisk ?? 0];
  if (typeof k?.key !== 'string' || k.key === '' || !fields.every(Number.isSafeInteger)) {
    throw new ProtocolError(
      'tekmac_invalid_key',
      `key ${index} needs a string "key" and integer rollingStartNumber, rollingPeriod and transmissionRisk`,
    );
  }
}
