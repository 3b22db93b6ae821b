import { ProtocolError } from '../errors.js';

/** Calibration confidence of the advertised TX power (metadata v1.1, bits 3..2 of byte 0). */
export type CalibrationConfidence = 0 | 1 | 2 | 3;

/** The 4-byte metadata every phone encrypts into its AEM. */
export interface AssociatedMetadata {
  /** Major.minor: 1.0 (0x40) or 1.1 (0x50, with calibration confidence). */
  readonly versionMajor: number;
  readonly versionMinor: number;
  /** Signed dBm, −128…127. */
  readonly txPower: number;
  readonly calibrationConfidence: CalibrationConfidence;
}

export function encodeMetadata(m: AssociatedMetadata): Uint8Array {
  if (!Number.isInteger(m.txPower) || m.txPower < -128 || m.txPower > 127) {
    throw new ProtocolError('invalid_metadata', `TX power must be a signed byte, not ${m.txPower}`);
  }
  if (m.versionMajor < 0 || m.versionMajor > 3 || m.versionMinor < 0 || m.versionMinor > 3) {
    throw new ProtocolError('invalid_metadata', `version ${m.versionMajor}.${m.versionMinor} does not fit`);
  }
  const confidenceBits = m.versionMinor >= 1 ? (m.calibrationConfidence & 3) << 2 : 0;
  return Uint8Array.of(
    (m.versionMajor << 6) | (m.versionMinor << 4) | confidenceBits,
    m.txPower & 0xff,
    0,
    0,
  );
}

export function decodeMetadata(bytes: Uint8Array): AssociatedMetadata {
  if (bytes.length !== 4) {
    throw new ProtocolError('invalid_metadata', `metadata has 4 bytes, not ${bytes.length}`);
  }
  const b0 = bytes[0] as number;
  const versionMajor = b0 >> 6;
  const versionMinor = (b0 >> 4) & 3;
  const tx = bytes[1] as number;
  return {
    versionMajor,
    versionMinor,
    txPower: tx > 127 ? tx - 256 : tx,
    calibrationConfidence: (versionMinor >= 1 ? (b0 >> 2) & 3 : 0) as CalibrationConfidence,
  };
}
