/**
 * Readings of one receiver hearing one sender at one true distance in one setting, as loaded from
 * data/ble/ (see apps/sim/scripts/ble-measurements.ts).
 */
export interface MeasuredGroup {
  /** `pcng/<pair>` or `herald/<run>-<side>`. */
  readonly series: string;
  /** Carrying-pair label (HH, HP, PP, BB, HB, PB) or `LOS` for the robot bench. */
  readonly setting: string;
  readonly distanceM: number;
  /** Carrying position indexes (CARRYING_POSITIONS) of sender and receiver. */
  readonly carryingSender: number;
  readonly carryingReceiver: number;
  /** Calibration of the sender (TX power, dBm) and receiver (RSSI correction, dB) from the table. */
  readonly senderTxPower: number;
  readonly receiverRssiCorrection: number;
  /** Which pair of test phones. */
  readonly phonePair: string;
  /** Sender → receiver: the fit gives each directed link but the first its own offset (hardware). */
  readonly link: string;
  /** Raw RSSI readings (dBm). */
  readonly readings: Float64Array;
}

/** Mean and population standard deviation of a group's readings. */
export function groupMoments(group: MeasuredGroup): { mean: number; sd: number } {
  let sum = 0;
  for (const value of group.readings) sum += value;
  const mean = sum / group.readings.length;
  let squares = 0;
  for (const value of group.readings) squares += (value - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / group.readings.length) };
}
