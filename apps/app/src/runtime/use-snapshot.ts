import type {
  DataUsed,
  DeviceStatus,
  ExposureWarning,
  NearbyDevice,
  PreparedUpload,
  SyncProgress,
} from '@bluezone/device';
import { useEffect, useState } from 'react';
import { usePhone } from './app-context.js';
import type { PhoneRuntime } from './phone-runtime.js';
import { type DemoAirPhone, type Reported, readDemoAirPhone, readReported } from './prefs.js';

/** What the screens show, read from the phone after every change (and every second). */
export interface PhoneSnapshot {
  readonly status: DeviceStatus;
  readonly warning: ExposureWarning | null;
  readonly nearby: readonly NearbyDevice[];
  readonly pendingUpload: PreparedUpload | null;
  readonly reported: Reported | null;
  readonly demoPhone: DemoAirPhone | null;
  /** The error code of this session's last check (null: it succeeded; undefined: none yet). */
  readonly syncError: string | null | undefined;
  /** The phone's time now (the simulation's in the demo). */
  readonly nowMs: number;
  /** Bytes the checks downloaded today and over the last 7 days. */
  readonly dataUsed: DataUsed;
  /** The check in progress, if any. */
  readonly syncProgress: SyncProgress | undefined;
  readonly lastSyncThread: PhoneRuntime['lastSyncThread'];
}

async function read(phone: PhoneRuntime): Promise<PhoneSnapshot> {
  const [status, warning, pendingUpload, reported, demoPhone, dataUsed] = await Promise.all([
    phone.device.status(),
    phone.device.warning(),
    phone.device.pendingUpload(),
    readReported(phone.store),
    phone.demo ? readDemoAirPhone(phone.store) : Promise.resolve(null),
    phone.device.dataUsed(),
  ]);
  return {
    status,
    warning,
    nearby: phone.nearby(),
    pendingUpload,
    reported,
    demoPhone,
    syncError: phone.lastSyncError,
    nowMs: phone.clock.nowMs(),
    dataUsed,
    syncProgress: phone.syncProgress,
    lastSyncThread: phone.lastSyncThread,
  };
}

export function usePhoneSnapshot(): PhoneSnapshot | undefined {
  const phone = usePhone();
  const [snapshot, setSnapshot] = useState<PhoneSnapshot>();
  useEffect(() => {
    let alive = true;
    let reading = false;
    const refresh = () => {
      if (reading) return;
      reading = true;
      read(phone)
        .then((next) => alive && setSnapshot(next))
        .catch(() => undefined)
        .finally(() => {
          reading = false;
        });
    };
    refresh();
    const unsubscribe = phone.subscribe(refresh);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [phone]);
  return snapshot;
}
