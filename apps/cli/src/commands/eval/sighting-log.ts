// What every receiver heard, kept column-wise so that hundreds of thousands of rows stay cheap:
// per sighting its time, its attenuation and the transmitter it came from.
//
// Attenuation is GAEN's: tx_power − (rssi + the receiver model's RSSI correction), never below 0,
// with the correction looked up in Google's calibration table (`lookupCalibration`; a model the table
// does not know gets FALLBACK_CALIBRATION, +3 dB, docs/calibration.md).

import { attenuationDb, type DeviceCalibration, lookupCalibration } from '@bluezone/protocol';
import type { SightingRow } from './sightings-csv.js';

/** The sightings of one receiver, in file order. */
export interface ReceiverLog {
  readonly receiver: string;
  /** Transmitter ids; sightings refer to them by index. */
  readonly transmitters: string[];
  readonly seconds: number[];
  readonly attenuationDb: number[];
  readonly transmitterOf: number[];
}

/** Accumulates parsed rows by receiver (rows may come in any order). */
export class SightingLog {
  readonly receivers = new Map<string, ReceiverLog>();
  private readonly transmitterIndex = new Map<ReceiverLog, Map<string, number>>();
  private readonly calibrations = new Map<string, DeviceCalibration>();
  rows = 0;

  add(row: SightingRow): void {
    let log = this.receivers.get(row.receiver);
    let index = log === undefined ? undefined : this.transmitterIndex.get(log);
    if (log === undefined || index === undefined) {
      log = { receiver: row.receiver, transmitters: [], seconds: [], attenuationDb: [], transmitterOf: [] };
      index = new Map();
      this.receivers.set(row.receiver, log);
      this.transmitterIndex.set(log, index);
    }
    let transmitter = index.get(row.transmitter);
    if (transmitter === undefined) {
      transmitter = log.transmitters.length;
      log.transmitters.push(row.transmitter);
      index.set(row.transmitter, transmitter);
    }
    log.seconds.push(row.seconds);
    log.attenuationDb.push(
      attenuationDb(row.txPower, row.rssi, this.calibrationOf(row.receiverModel).rssiCorrection),
    );
    log.transmitterOf.push(transmitter);
    this.rows += 1;
  }

  /** The receiving model's calibration (looked up once per model name). */
  calibrationOf(model: string): DeviceCalibration {
    let found = this.calibrations.get(model);
    if (found === undefined) {
      found = lookupCalibration({ model });
      this.calibrations.set(model, found);
    }
    return found;
  }
}
