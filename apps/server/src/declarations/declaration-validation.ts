import { addDays, isCalendarDay, utcDay } from '../adoption/adoption-areas.js';
import { requireProvince } from '../areas/area-codes.js';
import { AppError } from '../errors/app-error.js';

/** How far back an exposure date may lie: the app warns about contacts of the last 14 days. */
export const EXPOSURE_LOOKBACK_DAYS = 30;

const PHONE_SEPARATORS = /[\s.\-()]/g;
const VN_PHONE = /^(\+84)?[0-9]{9,15}$/;

/** The phone number without separators, if it is a Vietnamese number; else 400 `invalid_phone`. */
export function normalisePhone(phone: string): string {
  const compact = phone.replace(PHONE_SEPARATORS, '');
  if (!VN_PHONE.test(compact)) throw new AppError('invalid_phone');
  return compact;
}

/** A real day, not after today and at most 30 days before; else 400 `invalid_exposure_date`. */
export function checkExposureDate(day: string, now: Date): string {
  const today = utcDay(now);
  if (!isCalendarDay(day) || day > today || day < addDays(today, -EXPOSURE_LOOKBACK_DAYS))
    throw new AppError('invalid_exposure_date');
  return day;
}

/** The province of `/v1/areas` (400 `unknown_province`), or null when not given. */
export const provinceOrNull = (code: string | undefined): string | null =>
  code === undefined || code === '' ? null : requireProvince(code).code;
