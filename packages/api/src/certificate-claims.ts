import type { TestType } from './common.schemas.js';

/**
 * The `reportType` claim of a verification certificate for each test type, as GAEN key servers read
 * it ("confirmed", "likely", "negative"), plus Bluezone's "recursive" (published as RECURSIVE keys).
 */
export const REPORT_TYPE_CLAIMS = {
  confirmed: 'confirmed',
  likely: 'likely',
  negative: 'negative',
  recursive: 'recursive',
} as const satisfies Record<TestType, string>;

export type ReportTypeClaim = (typeof REPORT_TYPE_CLAIMS)[TestType];

/**
 * Claims of the certificate (an ES256 JWT) that `POST /api/certificate` returns and `POST /v1/publish`
 * checks. Field names follow Google's verification server.
 */
export interface VerificationCertificateClaims {
  reportType: ReportTypeClaim;
  /** Interval number (ENIN) of the symptom onset (or test) day at 00:00 UTC; 0 when unknown. */
  symptomOnsetInterval: number;
  /** Transmission-risk overrides; deprecated in GAEN and always empty. */
  trisk: never[];
  /** The base64 HMAC of the keys the phone will publish (docs/protocol.md §5). */
  tekmac: string;
  /**
   * Bluezone's addition: the health authority whose device API key obtained the certificate. The key
   * server stores the keys under this authority only, whatever `healthAuthorityID` the request names.
   */
  healthAuthorityId: string;
  /**
   * Bluezone's addition: the case's home province (ISO 3166-2, `VN-20`) from the code that verified
   * it. The key server puts the published keys in that province's export set; absent: national only.
   */
  province?: string;
  iss: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
}

/** Claims of the token `POST /api/verify` returns: the code's test type and dates, single use by `jti`. */
export interface VerificationTokenClaims {
  /** `testType.symptomDate.testDate`, as Google's server writes the subject. */
  sub: string;
  testType: TestType;
  symptomDate?: string;
  testDate?: string;
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}
