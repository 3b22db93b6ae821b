import type { Random } from '@bluezone/epidemic';
import { bodiesBetween, type CrowdOptions, DEFAULT_CROWD } from './crowd.js';
import { hashedNormal } from './encounter-noise.js';
import { normalCdf } from './normal.js';
import { meanRssiDbm } from './path-loss.js';
import type { RadioParameters } from './radio-parameters.js';

/** One advertisement heard: `receiver` measured `rssi` dBm from `transmitter`'s phone. */
export interface Sighting {
  readonly receiver: number;
  readonly transmitter: number;
  /** Whole dBm, as phones report it. */
  readonly rssi: number;
  /** When within the minute (s, 0 ≤ t < 60). */
  readonly secondsInMinute: number;
}

/** A minute's close pairs, as the mobility model's ContactBatch holds them (a < b). */
export interface ClosePairs {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly distanceM: Float32Array;
  readonly carryingA: Uint8Array;
  readonly carryingB: Uint8Array;
  /** People per m² in the pair's place (bodies in the way); none: no crowd. */
  readonly crowdDensity?: Float32Array;
}

/** The phones of the population: calibration per person (NaN TX power = no advertising phone). */
export interface Handsets {
  readonly txPower: Float32Array;
  readonly rssiCorrection: Float32Array;
}

/** How many advertisements a scan tries to catch from each phone in range, and their spacing. */
export interface AdvertisingOptions {
  readonly readingsPerScan: number;
  readonly advertisingIntervalSeconds: number;
}

/** Default: 4 readings 0.25 s apart per scan and phone (GAEN advertises every 200–270 ms). */
export const DEFAULT_ADVERTISING: AdvertisingOptions = Object.freeze({
  readingsPerScan: 4,
  advertisingIntervalSeconds: 0.25,
});

/**
 * Radio physics: turns true distances into what scanning phones hear. Shadowing is drawn per
 * encounter (`encounter`: e.g. the mobility step's absolute start minute) and per pair, shared by both
 * directions plus a part of each direction; every phone deviates from its calibration by a fixed TX
 * and RX offset; other people's bodies in the way (from the place's crowd density, `crowd.ts`)
 * attenuate the direct path; each reading adds fast fading and is heard with the sensitivity curve's probability.
 */
export class RadioModel {
  private readonly salt: number;

  constructor(
    readonly parameters: RadioParameters,
    private readonly random: Random,
    private readonly advertising: AdvertisingOptions = DEFAULT_ADVERTISING,
    private readonly crowd: CrowdOptions = DEFAULT_CROWD,
  ) {
    this.salt = random.fork('salt').nextUint32();
  }

  /** Mean RSSI (dBm) receiver hears from transmitter in this encounter, before fading. */
  encounterRssi(
    receiver: number,
    transmitter: number,
    distanceM: number,
    carryingReceiver: number,
    carryingTransmitter: number,
    handsets: Handsets,
    encounter: number,
    crowdDensity = 0,
  ): number {
    const p = this.parameters;
    const low = Math.min(receiver, transmitter);
    const high = Math.max(receiver, transmitter);
    const shared = p.shadowingSdDb * hashedNormal(this.salt, low, high, encounter);
    const own = p.linkShadowingSdDb * hashedNormal(this.salt ^ 0x5bd1e995, receiver, transmitter, encounter);
    const txOffset = p.phoneOffsetSdDb * hashedNormal(this.salt, transmitter, -1, 1);
    const rxOffset = p.phoneOffsetSdDb * hashedNormal(this.salt, receiver, -1, 2);
    const meanBodies = crowdDensity * distanceM * this.crowd.bodyWidthM;
    const bodies = bodiesBetween(this.salt, receiver, transmitter, encounter, meanBodies);
    const mean = meanRssiDbm(
      p,
      distanceM,
      carryingTransmitter,
      carryingReceiver,
      handsets.txPower[transmitter] ?? -24,
      handsets.rssiCorrection[receiver] ?? 0,
      bodies * this.crowd.bodyLossDb,
    );
    return mean + shared + own + txOffset + rxOffset;
  }

  /** Draws the readings of one scan of `receiver` around `meanRssi`, appending the heard ones. */
  scanReadings(
    receiver: number,
    transmitter: number,
    meanRssi: number,
    startSecond: number,
    out: Sighting[],
  ): void {
    const p = this.parameters;
    const { readingsPerScan, advertisingIntervalSeconds } = this.advertising;
    const phase = this.random.next() * advertisingIntervalSeconds;
    for (let k = 0; k < readingsPerScan; k++) {
      const rssi = this.random.normal(meanRssi, p.fadingSdDb);
      const z = (rssi - p.sensitivityDbm) / p.sensitivityWidthDb;
      if (z < 8 && this.random.next() >= normalCdf(z)) continue; // z ≥ 8: heard (Φ > 1 − 1e-15)
      const secondsInMinute = Math.min(59.999, startSecond + phase + k * advertisingIntervalSeconds);
      out.push({ receiver, transmitter, rssi: Math.round(rssi), secondsInMinute });
    }
  }

  /**
   * Every direction of the minute's close pairs whose receiver scans (`scanStartSecond` not NaN)
   * and whose transmitter advertises (finite TX power), with the encounter's mean RSSI.
   */
  private eachHearing(
    pairs: ClosePairs,
    scanStartSecond: Float32Array,
    handsets: Handsets,
    encounter: number,
    visit: (receiver: number, transmitter: number, meanRssi: number, startSecond: number) => void,
  ): void {
    for (let i = 0; i < pairs.count; i++) {
      const a = pairs.a[i] ?? 0;
      const b = pairs.b[i] ?? 0;
      const startA = scanStartSecond[a] ?? Number.NaN;
      const startB = scanStartSecond[b] ?? Number.NaN;
      if (Number.isNaN(startA) && Number.isNaN(startB)) continue;
      const distance = pairs.distanceM[i] ?? 0;
      const carryingA = pairs.carryingA[i] ?? 0;
      const carryingB = pairs.carryingB[i] ?? 0;
      const crowd = pairs.crowdDensity?.[i] ?? 0;
      if (!Number.isNaN(startA) && Number.isFinite(handsets.txPower[b] ?? Number.NaN)) {
        visit(
          a,
          b,
          this.encounterRssi(a, b, distance, carryingA, carryingB, handsets, encounter, crowd),
          startA,
        );
      }
      if (!Number.isNaN(startB) && Number.isFinite(handsets.txPower[a] ?? Number.NaN)) {
        visit(
          b,
          a,
          this.encounterRssi(b, a, distance, carryingB, carryingA, handsets, encounter, crowd),
          startB,
        );
      }
    }
  }

  /**
   * What phone logs keep of one minute, without building objects: for each hearing direction the
   * first reading of the scan that is heard (a log drops repeats of an identifier < 10 s apart, and a
   * scan lasts a few seconds), passed to `emit`. Readings after the first heard one are not drawn.
   */
  firstReadings(
    pairs: ClosePairs,
    scanStartSecond: Float32Array,
    handsets: Handsets,
    encounter: number,
    emit: (receiver: number, transmitter: number, rssi: number, secondsInMinute: number) => void,
  ): void {
    this.eachHearing(pairs, scanStartSecond, handsets, encounter, (receiver, transmitter, mean, start) =>
      this.firstReading(receiver, transmitter, mean, start, emit),
    );
  }

  /** The first heard reading of one scan, as `scanReadings` would draw it, or nothing. */
  private firstReading(
    receiver: number,
    transmitter: number,
    meanRssi: number,
    startSecond: number,
    emit: (receiver: number, transmitter: number, rssi: number, secondsInMinute: number) => void,
  ): void {
    const p = this.parameters;
    const { readingsPerScan, advertisingIntervalSeconds } = this.advertising;
    const phase = this.random.next() * advertisingIntervalSeconds;
    for (let k = 0; k < readingsPerScan; k++) {
      const rssi = this.random.normal(meanRssi, p.fadingSdDb);
      const z = (rssi - p.sensitivityDbm) / p.sensitivityWidthDb;
      if (z < 8 && this.random.next() >= normalCdf(z)) continue;
      emit(
        receiver,
        transmitter,
        Math.round(rssi),
        Math.min(59.999, startSecond + phase + k * advertisingIntervalSeconds),
      );
      return;
    }
  }

  /** The sightings of one minute: every reading heard, for each hearing direction. */
  sightings(
    pairs: ClosePairs,
    scanStartSecond: Float32Array,
    handsets: Handsets,
    encounter: number,
  ): Sighting[] {
    const out: Sighting[] = [];
    this.eachHearing(pairs, scanStartSecond, handsets, encounter, (receiver, transmitter, mean, start) =>
      this.scanReadings(receiver, transmitter, mean, start, out),
    );
    return out;
  }
}
