// One receiver's log → GAEN v2 scan instances and exposure windows per transmitter, with the
// matcher's rules (packages/protocol/src/matching/exposure-windows.ts), minus the cryptography:
// the transmitter is known from the CSV instead of from a diagnosis key, and its TX power from
// the tx_power column instead of the decrypted metadata.
//
// - The receiver's scans come from its whole log (`phoneScans`: a scan holds the sightings heard
//   less than 10 s after its first one; secondsSinceLastScan is the gap to the previous scan,
//   capped at 300 s, and 300 s for the first).
// - One scan's sightings of one transmitter make a ScanInstance: minimum attenuation, and typical
//   attenuation = the mean rounded to the nearest dB.
// - A window holds the instances that start less than 30 minutes after its first one; its day is
//   the UTC day of its first scan.

import {
  type ExposureWindow,
  MAX_WINDOW_SECONDS,
  phoneScans,
  ReportType,
  type ScanInstance,
  type Sighting,
  type UnixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import type { ReceiverLog } from './sighting-log.js';

const NO_BYTES = new Uint8Array(0);

/** A transmitter's windows, with the number of sightings in each. */
export interface TransmitterWindows {
  readonly transmitter: string;
  readonly windows: readonly ExposureWindow[];
  readonly sightings: readonly number[];
}

/** Exposure windows of every transmitter the receiver heard, in transmitter order of first sighting. */
export function receiverWindows(log: ReceiverLog): TransmitterWindows[] {
  // phoneScans only reads the times; the RPI and AEM play no part here.
  const scans = phoneScans(
    log.seconds.map((seconds) => ({ rpi: NO_BYTES, aem: NO_BYTES, rssi: 0, seconds }) as Sighting),
  );
  const byTransmitter: number[][] = log.transmitters.map(() => []);
  for (let i = 0; i < log.transmitterOf.length; i++) byTransmitter[log.transmitterOf[i] as number]?.push(i);
  return byTransmitter.map((indices, t) => {
    const ordered = indices.sort(
      (a, b) => (scans.scanOfSighting[a] as number) - (scans.scanOfSighting[b] as number) || a - b,
    );
    const windows: ExposureWindow[] = [];
    const sightings: number[] = [];
    let instances: ScanInstance[] = [];
    let windowStart = 0;
    let count = 0;
    const close = () => {
      if (instances.length === 0) return;
      windows.push({
        day: utcDayOfSeconds(windowStart as UnixSeconds),
        reportType: ReportType.CONFIRMED_TEST,
        infectiousness: 'standard',
        calibrationConfidence: 0,
        scanInstances: instances,
      });
      sightings.push(count);
      instances = [];
      count = 0;
    };
    for (let n = 0; n < ordered.length; ) {
      const scan = scans.scanOfSighting[ordered[n] as number] as number;
      const scanStart = scans.scanSeconds[scan] as number;
      if (instances.length === 0 || !(scanStart - windowStart < MAX_WINDOW_SECONDS)) {
        close();
        windowStart = scanStart;
      }
      let min = Number.POSITIVE_INFINITY;
      let sum = 0;
      let k = 0;
      for (; n < ordered.length && scans.scanOfSighting[ordered[n] as number] === scan; n++, k++) {
        const attenuation = log.attenuationDb[ordered[n] as number] as number;
        min = Math.min(min, attenuation);
        sum += attenuation;
      }
      instances.push({
        minAttenuationDb: Math.round(min),
        typicalAttenuationDb: Math.round(sum / k),
        secondsSinceLastScan: scans.secondsSinceLastScan[scan] as number,
      });
      count += k;
    }
    close();
    return { transmitter: log.transmitters[t] as string, windows, sightings };
  });
}
