import type { CheckInView, VenueWarning } from '@bluezone/device';
import { useCallback, useEffect, useState } from 'react';
import { usePhone } from '../runtime/app-context.js';

/** The phone's check-ins and venue warnings, read again after every change of the phone. */
export interface CheckInsSnapshot {
  readonly checkIns: readonly CheckInView[];
  readonly venueWarnings: readonly VenueWarning[];
}

export function useCheckIns(): { snapshot: CheckInsSnapshot | undefined; reload: () => void } {
  const phone = usePhone();
  const [snapshot, setSnapshot] = useState<CheckInsSnapshot>();
  const reload = useCallback(() => {
    void Promise.all([phone.device.checkIns.list(), phone.device.checkIns.venueWarnings()])
      .then(([checkIns, venueWarnings]) => setSnapshot({ checkIns, venueWarnings }))
      .catch(() => undefined);
  }, [phone]);
  useEffect(() => {
    reload();
    return phone.subscribe(reload);
  }, [phone, reload]);
  return { snapshot, reload };
}

/** The translation key of a check-in error's code (`checkin.errors.*`). */
export function checkInErrorKey(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return /^checkin_[a-z_]+$/.test(code) ? `checkin.errors.${code}` : 'checkin.errors.unknown';
}

/** Minutes as the person reads them: "45 phút", "2 giờ 0 phút". */
export function lengthText(
  t: (key: string, options?: Record<string, unknown>) => string,
  minutes: number,
): string {
  if (minutes < 60) return t('checkin.lengthMinutes', { count: minutes });
  return t('checkin.lengthHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
