import { fetchTransport } from '@bluezone/api';
import type {
  BluetoothState,
  BluetoothStatePort,
  ConnectionKind,
  HttpPort,
  Notifier,
  RandomSource,
  WarningNotification,
} from '@bluezone/device';

/** The browser's CSPRNG. */
export const browserRandom: RandomSource = {
  bytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
};

/**
 * HTTP over fetch, 30 s timeout; rejects only when no answer came. Everything but export files is
 * revalidated at every request (a 304 costs nothing): the browser's cache would otherwise keep an
 * index or the notices for their max-age, minutes that are days of the demo's simulated time.
 * Export files (zips), which never change, come from the cache.
 */
export function browserHttp(): HttpPort {
  const revalidate = (url: string) => !/\.zip$/.test(new URL(url).pathname);
  const fetchImpl = (url: string, init: RequestInit) =>
    fetch(url, { ...init, cache: revalidate(url) ? 'no-cache' : 'default' });
  const transport = fetchTransport<AbortSignal>(fetchImpl, {
    timeoutSignal: (ms) => AbortSignal.timeout(ms),
  });
  return { request: transport };
}

/**
 * System notifications when the person allowed them, and always the in-app listeners (the home
 * screen shows the warning whether or not a notification could be shown).
 */
export class BrowserNotifier implements Notifier {
  private readonly listeners = new Set<(n: WarningNotification) => void>();

  onNotify(listener: (n: WarningNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async notify(notification: WarningNotification): Promise<void> {
    for (const listener of this.listeners) listener(notification);
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    try {
      const registration = await navigator.serviceWorker?.getRegistration();
      const options = { body: notification.body, tag: 'bluezone-warning', icon: '/app/icon.svg' };
      if (registration) await registration.showNotification(notification.title, options);
      else new Notification(notification.title, options);
    } catch {
      // The in-app warning is enough.
    }
  }
}

/** Whether notifications can be asked for, and what the person answered. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Bluetooth as far as a browser knows it. A web page cannot advertise or scan in the background,
 * so on the demo air the radio is the simulated district's and Bluetooth counts as on; otherwise
 * the state is `unsupported` (Web Bluetooth's availability says nothing about background scanning).
 */
export function browserBluetooth(demoAir: boolean): BluetoothStatePort {
  return {
    async state(): Promise<BluetoothState> {
      if (demoAir) return 'on';
      const bluetooth = (navigator as Navigator & { bluetooth?: { getAvailability(): Promise<boolean> } })
        .bluetooth;
      if (bluetooth === undefined) return 'unsupported';
      return (await bluetooth.getAvailability().catch(() => false)) ? 'on' : 'off';
    },
  };
}

/** The host's timer for the demo air (the runtime owns none). */
export function every(ms: number, run: () => void): () => void {
  const timer = setInterval(run, ms);
  return () => clearInterval(timer);
}

/** The Network Information API, where the browser has it (Chromium on Android and ChromeOS). */
type NetworkInformation = { readonly type?: string; readonly saveData?: boolean };

/**
 * The connection for "download large files on Wi-Fi only": Wi-Fi or Ethernet is unmetered; mobile
 * data, or the person's "save data", is metered; a browser without the Network Information API (or
 * one that does not tell the type, like desktop Chromium, Firefox, Safari) is unknown, and the
 * threshold applies as on mobile data.
 */
export function browserConnection(): ConnectionKind {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  if (connection === undefined) return 'unknown';
  if (connection.saveData === true) return 'metered';
  if (connection.type === 'wifi' || connection.type === 'ethernet') return 'unmetered';
  if (connection.type === 'cellular' || connection.type === 'wimax' || connection.type === 'bluetooth')
    return 'metered';
  return 'unknown';
}
