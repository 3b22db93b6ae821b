import { type UnixSeconds, unixSeconds } from '@bluezone/protocol';

/** Wall-clock time. The device never reads the time any other way, so tests can move it. */
export interface Clock {
  /** Milliseconds since 1970-01-01T00:00Z. */
  nowMs(): number;
}

/** Whole seconds since 1970 of the clock's current time. */
export function nowSeconds(clock: Clock): UnixSeconds {
  return unixSeconds(Math.floor(clock.nowMs() / 1000));
}
