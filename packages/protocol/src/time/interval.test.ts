import { describe, expect, it } from 'vitest';
import { isProtocolError } from '../errors.js';
import {
  intervalNumber,
  intervalOf,
  intervalOfDate,
  isoDateOfDay,
  rollingStartOf,
  unixSeconds,
  utcDayOfInterval,
} from './interval.js';

describe('interval numbers', () => {
  it('follows the specification example: 2020-04-02T00:00Z is interval 2642976', () => {
    expect(intervalOf(unixSeconds(1585785600))).toBe(2642976);
    expect(intervalOfDate(new Date('2020-04-02T00:09:59Z'))).toBe(2642976);
    expect(intervalOfDate(new Date('2020-04-02T00:10:00Z'))).toBe(2642977);
  });

  it('rolls at UTC midnight every 144 intervals', () => {
    const i = intervalNumber(2642976 + 143);
    expect(rollingStartOf(i)).toBe(2642976);
    expect(rollingStartOf(intervalNumber(2642976 + 144))).toBe(2642976 + 144);
    expect(isoDateOfDay(utcDayOfInterval(i))).toBe('2020-04-02');
  });

  it('rejects what is not an unsigned 32-bit integer', () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => intervalNumber(bad)).toThrow();
      try {
        intervalNumber(bad);
      } catch (e) {
        expect(isProtocolError(e, 'invalid_interval')).toBe(true);
      }
    }
  });
});
