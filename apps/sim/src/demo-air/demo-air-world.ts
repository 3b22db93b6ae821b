import type { Population } from '../population/population.js';
import type { Handsets } from '../radio/radio-model.js';
import type { SightingLedger } from '../run/sighting-ledger.js';
import type { SimPhones } from '../run/sim-phones.js';

/** What a simulation round shows the demo air: its people, their phones and what those heard. */
export interface DemoAirWorld {
  readonly population: Population;
  readonly handsets: Handsets;
  readonly ledger: SightingLedger;
  readonly phones: SimPhones;
  /** Start of the round's day 0 (ms); ledger day d covers [startMs + d days, +1 day). */
  readonly startMs: number;
}

/** Error of a demo-air call, with the code and HTTP status the route answers. */
export class DemoAirError extends Error {
  constructor(
    readonly code: 'demo_phone_unknown' | 'demo_air_not_ready' | 'demo_air_full' | 'demo_air_invalid',
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DemoAirError';
  }
}
