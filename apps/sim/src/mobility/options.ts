import type { PlaceKind } from '../population/places.js';

/** Where a phone is carried; the radio model attenuates each differently (pcng-rss-smartphone labels). */
export const CARRYING_POSITIONS = ['hand', 'pocket', 'backpack'] as const;
/** One of CARRYING_POSITIONS. */
export type CarryingPosition = (typeof CARRYING_POSITIONS)[number];

/** Parameters of movement and contact. Times in minutes since local midnight. */
export interface MobilityOptions {
  /** People stay put this long; schedules and positions change at these steps (minutes, divides 1440). */
  readonly stepMinutes: number;
  /** Pairs closer than this are reported (m). */
  readonly closeRangeM: number;
  /** Chance per step that a person moves to a new spot within the place, by kind. */
  readonly moveProbability: Readonly<Record<PlaceKind, number>>;
  /** Carrying-position weights (hand, pocket, backpack) drawn when a person arrives at a place. */
  readonly carrying: Readonly<Record<PlaceKind, readonly number[]>>;
  /** Chance that a household sends someone to the market on a weekday and on a weekend day. */
  readonly marketVisit: { readonly weekday: number; readonly weekend: number };
  /** Workplaces put their workers in teams of this size around a spot (small groups in large places). */
  readonly teamSize: number;
  /** Spread of a team member around the team's spot (m, standard deviation per axis). */
  readonly teamSpreadM: number;
}

/** Defaults (assumptions, see docs/simulator.md). */
export const DEFAULT_MOBILITY_OPTIONS: MobilityOptions = Object.freeze({
  stepMinutes: 5,
  closeRangeM: 5,
  moveProbability: { home: 0.3, workplace: 0.15, classroom: 0.05, market: 0.8, bus: 0 },
  carrying: {
    home: [0.7, 0.3, 0],
    workplace: [0.4, 0.45, 0.15],
    classroom: [0.2, 0.3, 0.5],
    market: [0.35, 0.55, 0.1],
    bus: [0.5, 0.3, 0.2],
  },
  marketVisit: { weekday: 0.7, weekend: 0.9 },
  teamSize: 6,
  teamSpreadM: 1.5,
});

/** Every problem with `options` (empty when valid). */
export function validateMobilityOptions(options: MobilityOptions): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(options.stepMinutes) || options.stepMinutes < 1 || 1440 % options.stepMinutes !== 0) {
    problems.push(`stepMinutes must be a whole divisor of 1440 (got ${options.stepMinutes})`);
  }
  if (!(options.closeRangeM > 0 && options.closeRangeM <= 50))
    problems.push('closeRangeM must be in (0, 50]');
  for (const [kind, p] of Object.entries(options.moveProbability)) {
    if (!(p >= 0 && p <= 1)) problems.push(`moveProbability.${kind} must be a share from 0 to 1`);
  }
  for (const [kind, weights] of Object.entries(options.carrying)) {
    if (weights.some((w) => !(w >= 0)) || weights.reduce((a, b) => a + b, 0) <= 0) {
      problems.push(`carrying.${kind} needs non-negative weights with a positive sum`);
    }
  }
  for (const [day, p] of Object.entries(options.marketVisit)) {
    if (!(p >= 0 && p <= 1)) problems.push(`marketVisit.${day} must be a share from 0 to 1`);
  }
  if (!(options.teamSize >= 1)) problems.push('teamSize must be ≥ 1');
  if (!(options.teamSpreadM >= 0)) problems.push('teamSpreadM must be ≥ 0');
  return problems;
}
