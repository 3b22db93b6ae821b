import type { Clock } from '../ports/clock.js';

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  constructor(private ms: number) {}

  nowMs(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }

  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Milliseconds of an ISO time, for readable tests: `at('2026-11-02T09:00Z')`. */
export function at(iso: string): number {
  return Date.parse(iso);
}
