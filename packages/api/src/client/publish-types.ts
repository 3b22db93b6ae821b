// The key server's publish API (PROTOCOL.md §6), with the field names of Google's key server. Plain
// types for the client; the server validates with its own schemas.

/** One key as `POST /v1/publish` carries it. */
export interface PublishTemporaryExposureKey {
  /** base64 of the 16 key bytes. */
  readonly key: string;
  readonly rollingStartNumber: number;
  /** 1…144. */
  readonly rollingPeriod: number;
  /** 0…8; deprecated in GAEN v2, Bluezone sends 0. */
  readonly transmissionRisk: number;
}

/** `POST /v1/publish`. */
export interface PublishRequest {
  readonly temporaryExposureKeys: readonly PublishTemporaryExposureKey[];
  readonly healthAuthorityID: string;
  /** The verification certificate (an ES256 JWT). */
  readonly verificationPayload: string;
  /** base64 of the HMAC key the certificate's `tekmac` was computed with. */
  readonly hmacKey: string;
  readonly symptomOnsetInterval?: number | undefined;
  readonly traveler?: boolean | undefined;
  readonly revisionToken?: string | undefined;
  readonly padding?: string | undefined;
}

/** The answer of `POST /v1/publish`; `code` is `partial_failure` when some keys were dropped. */
export interface PublishResponse {
  readonly revisionToken?: string | undefined;
  readonly insertedExposures?: number | undefined;
  readonly error?: string | undefined;
  readonly code?: string | undefined;
  readonly padding?: string | undefined;
  readonly warnings?: readonly string[] | undefined;
}
