// Inputs and outputs of matching, shared by the fast matcher and the reference matcher.

import type { DiagnosisKey, DiagnosisKeysDataMapping, ExposureWindow, ReportType } from '../diagnosis.js';
import type { MatchingPrimitives } from './primitives/matching-primitives.js';

/** How to match: the receiving phone's calibration and the health authority's data mapping. */
export interface MatchingOptions {
  /** The receiving phone model's RSSI correction in dB (calibration table). */
  readonly rssiCorrection: number;
  /** Days since onset → infectiousness, and the report type assumed when a key has none. */
  readonly mapping: DiagnosisKeysDataMapping;
  /** Fast HKDF/AES implementations; the pure-JS ones by default. Ignored by the reference matcher. */
  readonly primitives?: MatchingPrimitives;
  /** Called every `progressEvery` keys with the number of keys read so far. */
  readonly onProgress?: (keysRead: number) => void;
  readonly progressEvery?: number;
}

/** One diagnosis key the phone heard, with its GAEN v2 exposure windows. */
export interface KeyMatch {
  readonly key: DiagnosisKey;
  /** Effective report type (UNKNOWN already mapped): tells F1 (confirmed, clinical) from F2 (recursive). */
  readonly reportType: ReportType;
  /** Sightings of the log that belong to this key. */
  readonly sightings: number;
  /** Exposure windows in time order. */
  readonly windows: readonly ExposureWindow[];
}

/** What matching a stream of keys found. */
export interface MatchResult {
  /** Keys read from the stream. */
  readonly keysRead: number;
  /** Keys that matched, in stream order. */
  readonly matches: readonly KeyMatch[];
}
