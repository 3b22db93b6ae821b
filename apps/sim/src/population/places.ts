/** Kinds of places where people meet. A school is modelled as its classrooms. */
export const PLACE_KINDS = ['home', 'workplace', 'classroom', 'market', 'bus'] as const;
/** One of PLACE_KINDS. */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Floor area per kind used when a place is created (m²; assumptions, see docs/simulator.md). */
export const PLACE_AREA_M2: Readonly<Record<PlaceKind, number>> = Object.freeze({
  home: 50,
  workplace: 8, // per worker
  classroom: 60,
  market: 1500,
  bus: 25,
});

/** All places of a population, column-wise (index = place id). */
export interface Places {
  readonly count: number;
  /** Index into PLACE_KINDS. */
  readonly kind: Uint8Array;
  /** Floor area in m². */
  readonly areaM2: Float32Array;
  /** The commune the place belongs to. */
  readonly commune: Int32Array;
}

/** Collects places while a population is built, then freezes them into typed arrays. */
export class PlaceRegistry {
  private readonly kinds: number[] = [];
  private readonly areas: number[] = [];
  private readonly communes: number[] = [];

  /** Adds a place and returns its id. */
  add(kind: PlaceKind, areaM2: number, commune: number): number {
    this.kinds.push(PLACE_KINDS.indexOf(kind));
    this.areas.push(areaM2);
    this.communes.push(commune);
    return this.kinds.length - 1;
  }

  /** The collected places. */
  build(): Places {
    return {
      count: this.kinds.length,
      kind: Uint8Array.from(this.kinds),
      areaM2: Float32Array.from(this.areas),
      commune: Int32Array.from(this.communes),
    };
  }
}

/** The kind of place `id`. */
export function placeKind(places: Places, id: number): PlaceKind {
  return PLACE_KINDS[places.kind[id] ?? 0] ?? 'home';
}
