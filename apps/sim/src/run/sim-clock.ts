/**
 * Simulated time, shared by the phones (`nowMs`) and, when the simulator starts the server in the
 * same process, by the server (`now`). It only moves forwards.
 */
export class SimClock {
  constructor(private ms: number) {}

  nowMs(): number {
    return this.ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Moves to `ms`; never backwards. */
  set(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}
