import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { checkDate, parseIsoDate } from './dates.js';

const now = new Date('2026-03-10T20:00:00Z');
const DAYS_14 = 14 * 86_400_000;
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return isAppError(e) ? e.code : 'other';
  }
};

describe('dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2026-02-28')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('10/03/2026')).toBeUndefined();
  });

  it('refuses the future and dates older than 14 days, in the case worker’s time zone', () => {
    expect(code(() => checkDate('testDate', '2026-03-10', now, 0, DAYS_14))).toBe('ok');
    expect(code(() => checkDate('testDate', '2026-03-11', now, 0, DAYS_14))).toBe('invalid_date');
    // 20:00 UTC is already 03:00 on the 11th in Vietnam (UTC+7).
    expect(code(() => checkDate('testDate', '2026-03-11', now, 420, DAYS_14))).toBe('ok');
    expect(code(() => checkDate('testDate', '2026-02-24', now, 0, DAYS_14))).toBe('ok');
    expect(code(() => checkDate('testDate', '2026-02-23', now, 0, DAYS_14))).toBe('invalid_date');
    expect(checkDate('testDate', undefined, now, 0, DAYS_14)).toBeNull();
  });
});
