import type {
  ExposureAdvertisementPayload,
  HeardAdvertisement,
  RadioAdvertiser,
  RadioScanner,
  ScanListener,
} from '../ports/radio.js';

/** One phone's radio on the shared air: its advertiser and its scanner. */
export class MemoryRadio implements RadioAdvertiser, RadioScanner {
  advertising: ExposureAdvertisementPayload | undefined;
  listener: ScanListener | undefined;
  readonly advertised: ExposureAdvertisementPayload[] = [];

  async start(arg: ExposureAdvertisementPayload | ScanListener): Promise<void> {
    if ('onAdvertisement' in arg) this.listener = arg;
    else {
      this.advertising = arg;
      this.advertised.push(arg);
    }
  }

  async stop(): Promise<void> {
    this.advertising = undefined;
  }
}

/**
 * The air between in-memory phones: `scan(receiver, rssiOf)` delivers what every other advertising
 * radio currently sends to the receiver's scanner, with the RSSI the test chooses, then ends the scan.
 */
export class MemoryAir {
  readonly radios: MemoryRadio[] = [];

  radio(): MemoryRadio {
    const radio = new MemoryRadio();
    this.radios.push(radio);
    return radio;
  }

  /** One scan by `receiver`: every other radio that advertises and has an RSSI is heard once. */
  scan(receiver: MemoryRadio, rssiOf: (sender: MemoryRadio) => number | undefined, timeMs?: number): number {
    let heard = 0;
    for (const sender of this.radios) {
      const rssi = rssiOf(sender);
      if (sender === receiver || sender.advertising === undefined || rssi === undefined) continue;
      const advertisement: HeardAdvertisement = { payload: sender.advertising.payload, rssi, timeMs };
      receiver.listener?.onAdvertisement(advertisement);
      heard += 1;
    }
    receiver.listener?.onScanComplete?.();
    return heard;
  }
}
