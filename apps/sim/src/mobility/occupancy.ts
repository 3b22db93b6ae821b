/**
 * Who is in which place, with O(1) moves: each place keeps a dense list of its occupants and each
 * person their slot in it (swap-remove). Places with two or more people are tracked as "crowded",
 * the only places where contacts can happen.
 */
export class Occupancy {
  private readonly location: Int32Array;
  private readonly slot: Int32Array;
  private readonly lists: number[][];
  private readonly crowded = new Set<number>();

  constructor(people: number, places: number) {
    this.location = new Int32Array(people).fill(-1);
    this.slot = new Int32Array(people).fill(-1);
    this.lists = Array.from({ length: places }, () => []);
  }

  /** Where `person` is (−1: nowhere to meet anyone). */
  placeOf(person: number): number {
    return this.location[person] ?? -1;
  }

  /** The occupants of `place` (live view: do not modify). */
  occupants(place: number): readonly number[] {
    return this.lists[place] ?? [];
  }

  /** Places with at least two occupants. */
  crowdedPlaces(): Iterable<number> {
    return this.crowded;
  }

  /** Moves `person` to `place` (−1 for nowhere). */
  move(person: number, place: number): void {
    const from = this.location[person] ?? -1;
    if (from === place) return;
    if (from >= 0) {
      const list = this.lists[from] ?? [];
      const at = this.slot[person] ?? 0;
      const last = list.pop() ?? person;
      if (last !== person) {
        list[at] = last;
        this.slot[last] = at;
      }
      if (list.length < 2) this.crowded.delete(from);
    }
    this.location[person] = place;
    if (place >= 0) {
      const list = this.lists[place] ?? [];
      this.slot[person] = list.length;
      list.push(person);
      if (list.length === 2) this.crowded.add(place);
    }
  }
}
