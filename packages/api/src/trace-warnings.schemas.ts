import { type Static, Type } from 'typebox';

// `POST /v1/trace-warnings` (docs/checkin.md "Upload"): the check-ins a person who reported positive
// chose to share, as CWA's TraceTimeIntervalWarning, with the verification certificate of the keys'
// upload as the permission. Values are checked by the server (checkTraceWarning), not by the schema,
// so a bad warning answers `checkin_invalid_warning` naming it.

/** Most warnings one upload carries. */
export const MAX_TRACE_WARNINGS_PER_UPLOAD = 1000;
/** Largest upload body in bytes (1,000 warnings are about 150 KB of JSON). */
export const MAX_TRACE_WARNING_BODY_BYTES = 256 * 1024;

export const TraceWarningItemSchema = Type.Object({
  /** base64 of SHA-256(location ID): 32 bytes. */
  locationIdHash: Type.String({ maxLength: 64 }),
  /** First 10-minute interval (Unix seconds / 600). */
  startIntervalNumber: Type.Integer(),
  /** 1…144 intervals. */
  period: Type.Integer(),
  /** 1…8. */
  transmissionRiskLevel: Type.Integer(),
});
export type TraceWarningItem = Static<typeof TraceWarningItemSchema>;

export const TraceWarningUploadSchema = Type.Object({
  /** The verification certificate (ES256 JWT) the phone got from `POST /api/certificate`. */
  verificationPayload: Type.String({ maxLength: 8192 }),
  /** At most MAX_TRACE_WARNINGS_PER_UPLOAD (more: `too_many_warnings`); may be empty. */
  warnings: Type.Array(TraceWarningItemSchema),
  padding: Type.Optional(Type.String({ maxLength: 65536 })),
});
export type TraceWarningUpload = Static<typeof TraceWarningUploadSchema>;

export const TraceWarningUploadAnswerSchema = Type.Object({ insertedWarnings: Type.Integer() });
export type TraceWarningUploadAnswer = Static<typeof TraceWarningUploadAnswerSchema>;
