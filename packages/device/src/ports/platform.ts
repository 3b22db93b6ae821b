import type { HttpRequest, HttpResponse } from '@bluezone/api';

export type { HttpRequest, HttpResponse } from '@bluezone/api';

/**
 * HTTP. Resolves with every status (4xx, 5xx included); rejects only when no answer came (offline,
 * DNS, TLS, timeout). Body bytes or text, whichever the platform has.
 */
export interface HttpPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** A warning to show as a system notification. */
export interface WarningNotification {
  /** F1 / F2 (exposure), or `venue` (a check-in overlapped a venue warning, docs/checkin.md). */
  readonly level: 'F1' | 'F2' | 'venue';
  readonly title: string;
  readonly body: string;
  /** ISO date of the exposure (of the stay, for a venue). */
  readonly exposureDate: string;
}

/** Shows notifications. */
export interface Notifier {
  notify(notification: WarningNotification): Promise<void>;
}

/** Bluetooth as the system reports it. */
export type BluetoothState = 'on' | 'off' | 'unauthorized' | 'unsupported';

export interface BluetoothStatePort {
  state(): Promise<BluetoothState>;
}

/**
 * The connection as the platform knows it (`unmetered`: Wi-Fi, Ethernet; `metered`: mobile data or
 * "save data"; `unknown`: it cannot tell, and the mobile-data threshold applies).
 */
export interface NetworkPort {
  connection(): 'unmetered' | 'metered' | 'unknown';
}
