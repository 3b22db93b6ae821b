// Venue warnings a person shares when reporting positive (docs/checkin.md): per shared check-in, the
// location ID hash and the 10-minute intervals of the stay, never the venue's name.

/** One warning of an upload: base64 of the 32-byte location ID hash and its window. */
export interface TraceWarningUploadItem {
  readonly locationIdHash: string;
  /** 10-minute intervals since the epoch. */
  readonly startIntervalNumber: number;
  /** 1…144 intervals (never past a UTC midnight). */
  readonly period: number;
  /** 1…8. */
  readonly transmissionRiskLevel: number;
}

/** `POST /v1/trace-warnings`: at most 1,000 warnings, with the certificate of the keys' upload. */
export interface TraceWarningUploadBody {
  readonly verificationPayload: string;
  readonly warnings: readonly TraceWarningUploadItem[];
  /** Random bytes (base64), so the size does not tell how many check-ins were shared. */
  readonly padding?: string;
}

export interface TraceWarningUploadResult {
  readonly insertedWarnings: number;
}
