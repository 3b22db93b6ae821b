// A venue as its QR code describes it (the decoded QRCodePayload of proto/checkin.proto).

/** TraceLocationType of proto/checkin.proto: what kind of place or event a QR code stands for. */
export const TraceLocationType = {
  UNSPECIFIED: 0,
  PERMANENT_OTHER: 1,
  TEMPORARY_OTHER: 2,
  PERMANENT_RETAIL: 3,
  PERMANENT_FOOD_SERVICE: 4,
  PERMANENT_CRAFT: 5,
  PERMANENT_WORKPLACE: 6,
  PERMANENT_EDUCATIONAL_INSTITUTION: 7,
  PERMANENT_PUBLIC_BUILDING: 8,
  TEMPORARY_CULTURAL_EVENT: 9,
  TEMPORARY_CLUB_ACTIVITY: 10,
  TEMPORARY_PRIVATE_EVENT: 11,
  TEMPORARY_WORSHIP_SERVICE: 12,
} as const;
export type TraceLocationTypeName = keyof typeof TraceLocationType;

/** The name of a location type (`UNKNOWN_<n>` for a value added after this schema). */
export function traceLocationTypeName(value: number): string {
  const name = (Object.keys(TraceLocationType) as TraceLocationTypeName[]).find(
    (k) => TraceLocationType[k] === value,
  );
  return name ?? `UNKNOWN_${value}`;
}

/** The only payload version there is. */
export const QR_CODE_PAYLOAD_VERSION = 1;

/** Everything an event QR code says about its venue. */
export interface TraceLocation {
  /** QRCodePayload.version (1). */
  readonly version: number;
  /** Venue name: 1…100 characters (UTF-16 code units, as CWA counts them), one line. */
  readonly description: string;
  /** Address: 1…100 characters, one line. */
  readonly address: string;
  /** First second of a time-bound event (Unix time); 0 for a permanent place. */
  readonly startTimestamp: number;
  /** Last second of a time-bound event; 0 for a permanent place. */
  readonly endTimestamp: number;
  /** A TraceLocationType value (proto3 enums are open: unknown values are kept). */
  readonly locationType: number;
  /** Automatic check-out after this many minutes; 0 when the code does not say. */
  readonly defaultCheckInLengthInMinutes: number;
  /** CrowdNotifier public key (carried, not used by matching). */
  readonly publicKey: Uint8Array;
  /** Random bytes that make two otherwise identical venues different (16 in new codes). */
  readonly cryptographicSeed: Uint8Array;
}
