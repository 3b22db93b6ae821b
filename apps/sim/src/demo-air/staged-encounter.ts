import type { Random } from '@bluezone/epidemic';
import { meanRssiDbm } from '../radio/path-loss.js';
import type { RadioParameters } from '../radio/radio-parameters.js';

/** One sighting the air delivers: service data (base64), RSSI, simulated time. */
export interface AirSighting {
  readonly serviceData: string;
  readonly rssi: number;
  readonly timeMs: number;
}

/** A phone's side of a staged meeting: what it advertises and its calibration. */
export interface EncounterSide {
  readonly serviceData: string;
  readonly txPower: number;
  readonly rssiCorrection: number;
}

const SCAN_EVERY_MS = 4 * 60_000;

/**
 * The readings `receiver` takes of `sender` during a meeting of `minutes` ending at `endMs`, at
 * `distanceM`, both phones in hand: one scan every 4 minutes (as phones scan), the fitted mean RSSI
 * with the model's shadowing and fading spread.
 */
export function stagedSightings(
  parameters: RadioParameters,
  random: Random,
  sender: EncounterSide,
  receiver: EncounterSide,
  distanceM: number,
  minutes: number,
  endMs: number,
): AirSighting[] {
  const mean = meanRssiDbm(parameters, distanceM, 0, 0, sender.txPower, receiver.rssiCorrection);
  const spread = Math.hypot(parameters.shadowingSdDb, parameters.fadingSdDb);
  const out: AirSighting[] = [];
  const startMs = endMs - minutes * 60_000;
  for (let t = startMs + random.next() * SCAN_EVERY_MS; t < endMs; t += SCAN_EVERY_MS) {
    const rssi = Math.round(random.normal(mean, spread));
    out.push({
      serviceData: sender.serviceData,
      rssi: Math.max(-127, Math.min(20, rssi)),
      timeMs: Math.floor(t),
    });
  }
  return out;
}
