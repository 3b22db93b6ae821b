// Plain types of an export file, independent of the generated protobuf classes.

import type { DiagnosisKey } from '../diagnosis.js';

/** ASN.1 OID of ECDSA with SHA-256, the only algorithm GAEN export signatures use. */
export const ECDSA_SHA256_OID = '1.2.840.10045.4.3.2';

/** The batch-level fields of export.bin. */
export interface ExportHeader {
  /** First second (Unix time, UTC) of the publishing period the file covers. */
  readonly startTimestamp: number;
  /** End of that period, in seconds. */
  readonly endTimestamp: number;
  /** Region of the keys, e.g. "VN". */
  readonly region: string;
  /** 1-based position of this file in its batch. */
  readonly batchNum: number;
  /** Number of files in the batch. */
  readonly batchSize: number;
}

/** Which key verifies a signature (SignatureInfo of export.proto; deprecated fields 1 and 2 are dropped). */
export interface SignatureInfo {
  readonly verificationKeyVersion: string;
  readonly verificationKeyId: string;
  /** ASN.1 OID, normally ECDSA_SHA256_OID. */
  readonly signatureAlgorithm: string;
}

/** Everything export.bin carries. */
export interface ExportContents {
  readonly header: ExportHeader;
  readonly signatureInfos: readonly SignatureInfo[];
  /** Diagnosis keys; the encoder sorts them by key bytes. */
  readonly keys: readonly DiagnosisKey[];
  /** Keys published before whose report type or onset changed. */
  readonly revisedKeys: readonly DiagnosisKey[];
}

/** One signature of export.sig (TEKSignature of export.proto). */
export interface TekSignature {
  readonly signatureInfo: SignatureInfo;
  readonly batchNum: number;
  readonly batchSize: number;
  /** DER-encoded ECDSA signature over the whole export.bin. */
  readonly signature: Uint8Array;
}
