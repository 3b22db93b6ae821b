import { attenuationDb, bucketOf, FALLBACK_CALIBRATION, type RiskConfiguration } from '@bluezone/protocol';
import type { RecentSighting } from '../sightings/sighting-log.js';

/** How far back "nearby" looks. */
export const NEARBY_SECONDS = 30;

/** One phone heard in the last 30 s ("Quét xung quanh"). */
export interface NearbyDevice {
  /** The RPI it advertised, hex: anonymous, and changes every 10–20 minutes. */
  readonly rpi: string;
  /** Strongest RSSI heard, dBm. */
  readonly rssi: number;
  readonly attenuationDb: number;
  /** `near`: in the configuration's immediate or near bucket; `around`: farther. */
  readonly proximity: 'near' | 'around';
  readonly lastHeardMs: number;
}

/**
 * The devices heard since `nowSeconds − 30`, one per RPI (strongest RSSI), nearest first. A sender's
 * TX power is inside its encrypted metadata, which nobody can read before its key is published, so
 * attenuation assumes the fleet's typical TX power (the calibration table's median, −24 dBm) and
 * applies this phone's own RSSI correction. Classes come from the risk configuration's attenuation
 * buckets: the first two (immediate, near) are `near`, the rest `around`.
 */
export function nearbyDevices(
  recent: readonly RecentSighting[],
  nowSeconds: number,
  rssiCorrection: number,
  config: RiskConfiguration,
): NearbyDevice[] {
  const strongest = new Map<string, RecentSighting & { last: number }>();
  for (const s of recent) {
    if (s.seconds < nowSeconds - NEARBY_SECONDS || s.seconds > nowSeconds) continue;
    const seen = strongest.get(s.rpiHex);
    const last = Math.max(seen?.last ?? 0, s.seconds);
    strongest.set(s.rpiHex, seen === undefined || s.rssi > seen.rssi ? { ...s, last } : { ...seen, last });
  }
  return [...strongest.values()]
    .map((s) => {
      const attenuation = attenuationDb(FALLBACK_CALIBRATION.txPower, s.rssi, rssiCorrection);
      const bucket = bucketOf(attenuation, config.attenuationBucketThresholdsDb);
      return {
        rpi: s.rpiHex,
        rssi: s.rssi,
        attenuationDb: attenuation,
        proximity: bucket <= 1 ? ('near' as const) : ('around' as const),
        lastHeardMs: s.last * 1000,
      };
    })
    .sort((a, b) => a.attenuationDb - b.attenuationDb || (a.rpi < b.rpi ? -1 : 1));
}
