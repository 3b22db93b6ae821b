// Turns heard advertisements into a sighting log with true identifiers for a few "diagnosed" device
// days (the planted keys) and unrelated random identifiers for everyone else.

import {
  type DiagnosisKey,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifierKey,
  encodeMetadata,
  encryptAssociatedMetadata,
  type IntervalNumber,
  ReportType,
  ROLLING_PERIOD,
  type Sighting,
  type UnixSeconds,
} from '@bluezone/protocol';
import { mixedBytes16, type Random } from './random.js';
import type { Heard } from './sighting-log.js';

/** A log and the keys that must match it, each with the number of its sightings in the log. */
export interface PlantedLog {
  readonly sightings: Sighting[];
  readonly planted: Map<DiagnosisKey, number>;
}

/** A device's clock is off by −6…+6 intervals (up to an hour): within the ±2 h tolerance. */
const skewOf = (device: number) => ((Math.imul(device, 0x9e3779b1) >>> 0) % 13) - 6;
const intervalSent = (h: Heard) => Math.floor(h.seconds / 600) + skewOf(h.device);

/** Picks `count` device-days heard in the log and gives them real TEKs; everything else is random. */
export function plantKeys(heard: readonly Heard[], count: number, random: Random): PlantedLog {
  const group = (h: Heard) => `${h.device}:${Math.floor(intervalSent(h) / ROLLING_PERIOD)}`;
  const chosen = new Map<
    string,
    { key: DiagnosisKey; rpik: Uint8Array; aemk: Uint8Array; metadata: Uint8Array }
  >();
  for (let tries = 0; chosen.size < Math.min(count, heard.length) && tries < 100 * count; tries++) {
    const h = heard[random.int(heard.length)] as Heard;
    const g = group(h);
    if (chosen.has(g)) continue;
    const keyData = random.fill(new Uint8Array(16));
    const key: DiagnosisKey = {
      keyData,
      rollingStartIntervalNumber: (Math.floor(intervalSent(h) / ROLLING_PERIOD) *
        ROLLING_PERIOD) as IntervalNumber,
      rollingPeriod: ROLLING_PERIOD,
      transmissionRiskLevel: 0,
      reportType: chosen.size % 3 === 2 ? ReportType.RECURSIVE : ReportType.CONFIRMED_TEST,
      daysSinceOnsetOfSymptoms: 0,
    };
    const metadata = encodeMetadata({
      versionMajor: 1,
      versionMinor: 1,
      txPower: -25 + random.int(26),
      calibrationConfidence: (1 + random.int(3)) as 1,
    });
    chosen.set(g, {
      key,
      rpik: deriveRollingProximityIdentifierKey(keyData),
      aemk: deriveAssociatedEncryptedMetadataKey(keyData),
      metadata,
    });
  }
  const planted = new Map<DiagnosisKey, number>();
  const sightings = heard.map((h): Sighting => {
    const j = intervalSent(h);
    const c = chosen.get(group(h));
    const seconds = h.seconds as UnixSeconds;
    if (c === undefined) {
      const rpi = mixedBytes16(h.device, j, new Uint8Array(16));
      return { rpi, aem: random.fill(new Uint8Array(4)), rssi: h.rssi, seconds };
    }
    planted.set(c.key, (planted.get(c.key) ?? 0) + 1);
    const rpi = deriveRollingProximityIdentifier(c.rpik, j as IntervalNumber);
    return { rpi, aem: encryptAssociatedMetadata(c.aemk, rpi, c.metadata), rssi: h.rssi, seconds };
  });
  return { sightings, planted };
}
