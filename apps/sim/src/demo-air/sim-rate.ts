/**
 * How fast simulated time runs against the wall clock, over the last `windowMs` of wall time, from
 * samples taken whenever someone asks. 0 while the simulation has not moved in the window.
 */
export class SimRate {
  private readonly samples: { wallMs: number; simMs: number }[] = [];

  constructor(private readonly windowMs = 20_000) {}

  sample(wallMs: number, simMs: number): number {
    this.samples.push({ wallMs, simMs });
    while (this.samples.length > 2 && (this.samples[0]?.wallMs ?? wallMs) < wallMs - this.windowMs)
      this.samples.shift();
    const first = this.samples[0];
    if (!first || wallMs - first.wallMs < 500) return 0;
    return Math.max(0, (simMs - first.simMs) / (wallMs - first.wallMs));
  }
}
