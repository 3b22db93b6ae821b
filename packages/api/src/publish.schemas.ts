import { type Static, Type } from 'typebox';
import { PaddingSchema } from './common.schemas.js';
import { PlainText } from './text.schemas.js';

// Requests and answers of the key server's publish API (docs/protocol.md §6), with the field names of
// Google's key server. Numbers are only checked to be integers here: a key with a wrong length,
// period or risk is dropped by the server item by item (partial success), not refused as a whole.

/** At most this many provinces in `visitedProvinces`. */
export const MAX_VISITED_PROVINCES = 10;

/** A request carries at least 1 and at most this many keys. */
export const MAX_PUBLISH_KEYS = 30;
/** Largest publish request body in bytes; bigger ones answer 413 `body_too_large`. */
export const MAX_PUBLISH_BODY_BYTES = 64 * 1024;
/** The `code` of an answer where some keys were dropped and the others stored (HTTP 200). */
export const PUBLISH_PARTIAL_FAILURE = 'partial_failure';
/** Header of a fake ("chaff") publish: answered like a real one, stored nowhere. */
export const CHAFF_HEADER = 'x-chaff';

/** One key as `POST /v1/publish` carries it. */
export const PublishTemporaryExposureKeySchema = Type.Object({
  /** base64 of the 16 key bytes. */
  key: Type.String({ maxLength: 64 }),
  rollingStartNumber: Type.Integer(),
  /** 1…144. */
  rollingPeriod: Type.Integer(),
  /** 0…8; deprecated in GAEN v2, Bluezone sends 0. */
  transmissionRisk: Type.Integer(),
});
export type PublishTemporaryExposureKey = Static<typeof PublishTemporaryExposureKeySchema>;

/** `POST /v1/publish` (no API key: the verification certificate is the permission). */
export const PublishRequestSchema = Type.Object({
  temporaryExposureKeys: Type.Array(PublishTemporaryExposureKeySchema, { maxItems: 1000 }),
  /** The health authority's id, as `bluezone admin init` prints it (its region code works too). */
  healthAuthorityID: PlainText({ maxLength: 128 }),
  /** The verification certificate (an ES256 JWT) from `POST /api/certificate`. */
  verificationPayload: Type.String({ maxLength: 8192 }),
  /** base64 of the HMAC key the certificate's `tekmac` was computed with. */
  hmacKey: Type.String({ maxLength: 512 }),
  /** Interval number of the symptom onset; used only when the certificate has none. */
  symptomOnsetInterval: Type.Optional(Type.Integer()),
  traveler: Type.Optional(Type.Boolean()),
  /** The token an earlier publish of the same keys answered, to revise their report type. */
  revisionToken: Type.Optional(Type.String({ maxLength: 8192 })),
  /**
   * Bluezone's addition: provinces (ISO 3166-2 codes of `/v1/areas`, at most 10) the person says they
   * were in during the days the keys cover; the keys also go to those provinces' export sets. Taken
   * only when the keys are first stored. An unknown code or more than 10 refuses the whole request.
   */
  visitedProvinces: Type.Optional(Type.Array(PlainText({ maxLength: 16 }), { maxItems: 64 })),
  padding: Type.Optional(Type.String({ maxLength: 16384 })),
});
export type PublishRequest = Static<typeof PublishRequestSchema>;

/** The answer of `POST /v1/publish`, success or error (`code` and `error` then say why). */
export const PublishResponseSchema = Type.Object({
  revisionToken: Type.Optional(Type.String()),
  insertedExposures: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.String()),
  /** An error code of `ERROR_CODES`, or `partial_failure` when some keys were dropped. */
  code: Type.Optional(Type.String()),
  padding: Type.Optional(PaddingSchema),
  /** One line per dropped key. */
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type PublishResponse = Static<typeof PublishResponseSchema>;
