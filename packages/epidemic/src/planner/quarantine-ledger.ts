import type { Random } from '../random/random.js';
import type { QuarantinePlace } from './parameters.js';

/** Why someone is in quarantine (isolation counts as quarantine here). */
export const SELF = 1;
export const POSITIVE = 2;
export const TRACED = 3;

/** How a quarantine is kept: at home (household contacts continue) or in a centralised facility. */
export const AT_HOME = 1;
export const CENTRALISED = 2;

export interface QuarantineOrder {
  readonly reason: typeof SELF | typeof POSITIVE | typeof TRACED;
  readonly length: number;
  readonly dailyDropout: number;
  readonly place: QuarantinePlace;
}

/**
 * Who is in quarantine until when, why and where; with the load figures (entries, person-days, most
 * at once). An order for someone already in quarantine merges into it (the later end, the stricter
 * place and drop-out, a positive test's reason) and is not a new entry.
 */
export class QuarantineLedger {
  readonly until: Int32Array;
  readonly reason: Uint8Array;
  readonly place: Uint8Array;
  private readonly dropout: Float32Array;
  entries = 0;
  tracedEntries = 0;
  personDays = 0;
  mostAtOnce = 0;

  constructor(
    size: number,
    private readonly random: Random,
  ) {
    this.until = new Int32Array(size);
    this.reason = new Uint8Array(size);
    this.place = new Uint8Array(size);
    this.dropout = new Float32Array(size);
  }

  /** True when `person` is in quarantine on `day`. */
  isIn(person: number, day: number): boolean {
    return (this.until[person] as number) > day;
  }

  /** Puts `person` in quarantine from `day` for `order.length` days; true for a new entry. */
  enter(person: number, day: number, order: QuarantineOrder): boolean {
    const until = day + order.length;
    const place = order.place === 'centralised' ? CENTRALISED : AT_HOME;
    if (this.isIn(person, day)) {
      this.until[person] = Math.max(this.until[person] as number, until);
      this.place[person] = Math.max(this.place[person] as number, place);
      this.dropout[person] = Math.min(this.dropout[person] as number, order.dailyDropout);
      if (order.reason === POSITIVE) this.reason[person] = POSITIVE;
      return false;
    }
    if (order.length <= 0) return false;
    this.until[person] = until;
    this.reason[person] = order.reason;
    this.place[person] = place;
    this.dropout[person] = order.dailyDropout;
    this.entries++;
    if (order.reason === TRACED) this.tracedEntries++;
    return true;
  }

  /**
   * A quarantine notice: someone already in quarantine merges it; anyone else complies (enters)
   * with probability `compliance`. True when the person is in quarantine afterwards.
   */
  notify(person: number, day: number, order: QuarantineOrder, compliance: number): boolean {
    if (!this.isIn(person, day) && !(this.random.next() < compliance)) return false;
    this.enter(person, day, order);
    return true;
  }

  /** Ends `person`'s quarantine (a negative test, hospital admission, death). */
  release(person: number): void {
    this.until[person] = 0;
  }

  /** Start of `day`: each person in quarantine drops out with their daily probability. */
  dropOuts(day: number): void {
    const { until, dropout, random } = this;
    for (let p = 0; p < until.length; p++) {
      if ((until[p] as number) > day && (dropout[p] as number) > 0 && random.next() < (dropout[p] as number))
        until[p] = 0;
    }
  }

  /** End of `day`: adds the day's count to the load figures; returns it. */
  count(day: number): number {
    let n = 0;
    for (let p = 0; p < this.until.length; p++) if ((this.until[p] as number) > day) n++;
    this.personDays += n;
    this.mostAtOnce = Math.max(this.mostAtOnce, n);
    return n;
  }
}
