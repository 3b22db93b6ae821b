import type { ExportPublicKey, PhoneModel } from '@bluezone/protocol';
import type { CheckInOptions } from './checkin/device-check-ins.js';
import type { Clock } from './ports/clock.js';
import type { KeyValueStore } from './ports/key-value-store.js';
import type { BluetoothStatePort, HttpPort, NetworkPort, Notifier } from './ports/platform.js';
import type { RadioAdvertiser, RadioScanner } from './ports/radio.js';
import type { RandomSource } from './ports/random-source.js';
import type { ExportSyncLimits } from './sync/export-sync.js';
import type { RiskConfigurationInput } from './sync/risk-options.js';
import type { Language } from './warnings/warning-state.js';

/** What the platform provides. */
export interface DevicePorts {
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly store: KeyValueStore;
  readonly http: HttpPort;
  readonly notifier: Notifier;
  /** Absent: the device neither advertises nor scans (a phone without Bluetooth LE). */
  readonly advertiser?: RadioAdvertiser | undefined;
  readonly scanner?: RadioScanner | undefined;
  readonly bluetooth?: BluetoothStatePort | undefined;
  /**
   * The connection, for "download large files on Wi-Fi only". Absent: downloads are not limited
   * (a simulator, a test, a shell that does not meter).
   */
  readonly network?: NetworkPort | undefined;
}

/** Where the servers are. */
export interface DeviceServer {
  /** Root of the verification API (`/api/verify`, `/api/certificate`). */
  readonly verificationUrl: string;
  /** Root of the key server (`/v1/publish`); the verification URL by default. */
  readonly keyServerUrl?: string | undefined;
  /** Root of the exports (`{exportBaseUrl}/{region}/index.txt`); `{keyServerUrl}/v1/exports` by default. */
  readonly exportBaseUrl?: string | undefined;
  /** The app's device API key (`X-API-Key` on the verification API). */
  readonly deviceApiKey: string;
}

/** Everything `createDevice` needs. */
export interface DeviceOptions {
  readonly ports: DevicePorts;
  /** This phone's model, to look up its calibration (TX power, RSSI correction). */
  readonly phone: PhoneModel;
  readonly server: DeviceServer;
  /**
   * The national export set, e.g. `VN`: risk configuration and notices come from it, and a phone
   * watching no province (or "all of Viet Nam") downloads it. The watch list picks province sets.
   */
  readonly region: string;
  /** `healthAuthorityID` sent with published keys. */
  readonly healthAuthorityId: string;
  /** Public keys that may sign export files; a file signed by none of them is rejected. */
  readonly exportPublicKeys: readonly ExportPublicKey[];
  /** Risk configuration: a preset name or a configuration object (validated). Default `bluezone`. */
  readonly risk?: RiskConfigurationInput | undefined;
  /** Bounds of a sync pass: each file's time limit, the most index paths considered. */
  readonly sync?: ExportSyncLimits | undefined;
  /** Venue check-in: hosts of our event URLs, least overlap of a venue warning. */
  readonly checkIns?: CheckInOptions | undefined;
  /** Language of notifications; default `vi`. */
  readonly language?: Language | undefined;
}
