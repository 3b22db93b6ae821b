import type { BluetoothState } from './ports/platform.js';

/** The last error a background task met. */
export interface DeviceErrorRecord {
  readonly code: string;
  readonly message: string;
  readonly atMs: number;
}

/** What the home screen shows. */
export interface DeviceStatus {
  readonly bluetooth: BluetoothState | 'unknown';
  readonly advertising: boolean;
  /** UTC days since the app first ran on this phone, today included (0 before `start`). */
  readonly daysActive: number;
  /** Last sync that read the index successfully, ms since 1970; null before the first. */
  readonly lastSuccessfulCheckMs: number | null;
  readonly lastError: DeviceErrorRecord | null;
  readonly sightingsStored: number;
  readonly malformedAdvertisements: number;
  /** The last sync stopped to stay within the mobile-data threshold; null when it did not. */
  readonly waitingForWifi: WaitingForWifi | null;
}

/** Where the last sync stopped on mobile data: the set, and the next file's size when declared. */
export interface WaitingForWifi {
  readonly set: string;
  readonly path: string;
  readonly declaredBytes: number | null;
  /** The threshold it stayed within. */
  readonly thresholdBytes: number;
}

/** The sync bookkeeping kept under `status/sync`. */
export type SyncStatusRecord = {
  lastSuccessMs: number | null;
  lastError: DeviceErrorRecord | null;
  waitingForWifi?: WaitingForWifi | null;
};
