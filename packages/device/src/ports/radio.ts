/**
 * What the phone advertises for one interval, in both forms platforms take: the raw 31-byte
 * legacy advertising payload (Flags, complete 16-bit UUID list `FD6F`, FD6F service data), for
 * stacks that accept raw AD structures; and the 20 bytes of FD6F service data (RPI then AEM), for
 * APIs that build the structures themselves (Android `AdvertiseData.addServiceData`).
 */
export interface ExposureAdvertisementPayload {
  /** 31 bytes: `02 01 1A 03 03 6F FD 17 16 6F FD` + RPI (16) + AEM (4). */
  readonly payload: Uint8Array;
  /** 20 bytes: RPI then AEM, for service UUID 0xFD6F. */
  readonly serviceData: Uint8Array;
  readonly rpi: Uint8Array;
  readonly aem: Uint8Array;
  /** The calibrated TX power in dBm written into the metadata; the radio should advertise at it. */
  readonly txPowerDbm: number;
}

/** The Bluetooth LE advertiser. The device calls `start` again with a new payload on every RPI change. */
export interface RadioAdvertiser {
  /** Starts (or replaces) advertising; the platform should rotate the random address with it. */
  start(advertisement: ExposureAdvertisementPayload): Promise<void>;
  stop(): Promise<void>;
}

/** One advertisement heard by the scanner. Either `payload` or `serviceData` must be present. */
export interface HeardAdvertisement {
  /** The whole scan record (advertising data, optionally followed by the scan response). */
  readonly payload?: Uint8Array | undefined;
  /** The FD6F service data alone (20 bytes, or 22 with the leading `6F FD`). */
  readonly serviceData?: Uint8Array | undefined;
  /** Measured RSSI in dBm, uncorrected. */
  readonly rssi: number;
  /** When it was heard, milliseconds since 1970 (the device's clock when absent). */
  readonly timeMs?: number | undefined;
}

/** Callbacks the scanner calls. */
export interface ScanListener {
  onAdvertisement(heard: HeardAdvertisement): void;
  /** End of one scan window (a few seconds); the device then persists what it heard. */
  onScanComplete?(): void;
}

/** The Bluetooth LE scanner, filtering on service UUID 0xFD6F, scanning a few seconds every few minutes. */
export interface RadioScanner {
  start(listener: ScanListener): Promise<void>;
  stop(): Promise<void>;
}
