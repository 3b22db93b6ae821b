/**
 * Attenuation in dB of one sighting: the sender's TX power (from the decrypted metadata) minus the
 * calibrated RSSI (measured RSSI + the receiving model's RSSI correction), never below 0.
 */
export function attenuationDb(txPower: number, rssi: number, rssiCorrection: number): number {
  return Math.max(0, txPower - (rssi + rssiCorrection));
}
