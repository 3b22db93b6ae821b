/**
 * The close pairs of one step, in reusable typed arrays: pair i is people `a[i]` and `b[i]`
 * (a < b) at true distance `distanceM[i]`, carrying their phones at `carryingA[i]`, `carryingB[i]`
 * (indexes into CARRYING_POSITIONS), in place `place[i]` holding `crowdDensity[i]` people per m², for
 * every minute of
 * [startMinute, startMinute + minutes) of day `day`. Valid until the next step: copy what you keep.
 */
export class ContactBatch {
  day = 0;
  startMinute = 0;
  minutes = 0;
  count = 0;
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  place = new Int32Array(1024);
  distanceM = new Float32Array(1024);
  carryingA = new Uint8Array(1024);
  carryingB = new Uint8Array(1024);
  crowdDensity = new Float32Array(1024);

  /** Empties the batch for a new step. */
  reset(day: number, startMinute: number, minutes: number): void {
    this.day = day;
    this.startMinute = startMinute;
    this.minutes = minutes;
    this.count = 0;
  }

  /** Appends a pair (a < b expected). */
  push(
    a: number,
    b: number,
    place: number,
    distanceM: number,
    carryingA: number,
    carryingB: number,
    crowdDensity: number,
  ): void {
    if (this.count === this.a.length) this.grow();
    const i = this.count++;
    this.a[i] = a;
    this.b[i] = b;
    this.place[i] = place;
    this.distanceM[i] = distanceM;
    this.carryingA[i] = carryingA;
    this.carryingB[i] = carryingB;
    this.crowdDensity[i] = crowdDensity;
  }

  private grow(): void {
    const size = this.a.length * 2;
    const grown = <T extends Int32Array | Float32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.a = grown(this.a, (n) => new Int32Array(n));
    this.b = grown(this.b, (n) => new Int32Array(n));
    this.place = grown(this.place, (n) => new Int32Array(n));
    this.distanceM = grown(this.distanceM, (n) => new Float32Array(n));
    this.carryingA = grown(this.carryingA, (n) => new Uint8Array(n));
    this.carryingB = grown(this.carryingB, (n) => new Uint8Array(n));
    this.crowdDensity = grown(this.crowdDensity, (n) => new Float32Array(n));
  }
}
