/**
 * What every app phone heard, one record per (receiver, transmitter, scan) — the first reading of a
 * scan, as a phone's sighting log keeps it (a repeat of an RPI less than 10 s later is dropped) — in
 * typed-array columns per simulated day. Once a day is closed its records are ordered by receiver
 * (then time) and indexed by transmitter: 13 bytes a record.
 */
export class SightingLedger {
  private readonly days: LedgerDay[] = [];
  private open: GrowingDay | undefined;

  constructor(private readonly people: number) {}

  /** Starts recording day `day` (0-based, in order). */
  openDay(day: number): void {
    if (day !== this.days.length)
      throw new RangeError(`ledger days are opened in order (expected ${this.days.length})`);
    this.open = new GrowingDay();
  }

  /** Records one sighting of the open day. */
  add(receiver: number, transmitter: number, seconds: number, rssi: number): void {
    if (!this.open) throw new RangeError('no open ledger day');
    this.open.add(receiver, transmitter, seconds, rssi);
  }

  /** Ends the open day and indexes it. */
  closeDay(): LedgerDay {
    if (!this.open) throw new RangeError('no open ledger day');
    const day = this.open.seal(this.people);
    this.days.push(day);
    this.open = undefined;
    return day;
  }

  day(day: number): LedgerDay | undefined {
    return this.days[day];
  }

  get records(): number {
    return this.days.reduce((n, d) => n + d.count, 0);
  }
}

/**
 * One closed day of the ledger. Records are stored in receiver-then-time order, so a receiver's
 * records are one range (`byReceiverStart`) and no receiver column is kept; a second index lists
 * record ids by transmitter then time. 13 bytes a record.
 */
export class LedgerDay {
  constructor(
    readonly count: number,
    readonly transmitter: Int32Array,
    readonly seconds: Uint32Array,
    readonly rssi: Int8Array,
    /** Records `byReceiverStart[p]` … `byReceiverStart[p + 1]` − 1 are p's. */
    readonly byReceiverStart: Int32Array,
    /** Record ids by transmitter then time. */
    readonly byTransmitter: Int32Array,
    readonly byTransmitterStart: Int32Array,
  ) {}

  /** Record ids heard by `person`, in time order. */
  heardBy(person: number): Int32Array {
    const from = this.byReceiverStart[person] ?? 0;
    const to = this.byReceiverStart[person + 1] ?? from;
    const ids = new Int32Array(to - from);
    for (let i = 0; i < ids.length; i++) ids[i] = from + i;
    return ids;
  }

  /** Record ids of `person`'s phone heard by others, in time order. */
  heardFrom(person: number): Int32Array {
    return this.byTransmitter.subarray(
      this.byTransmitterStart[person] ?? 0,
      this.byTransmitterStart[person + 1] ?? 0,
    );
  }

  /** Who heard record `id` (binary search over the receivers' ranges). */
  receiverOf(id: number): number {
    let low = 0;
    let high = this.byReceiverStart.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.byReceiverStart[mid] as number) <= id) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

class GrowingDay {
  count = 0;
  receiver = new Int32Array(1 << 12);
  transmitter = new Int32Array(1 << 12);
  seconds = new Uint32Array(1 << 12);
  rssi = new Int8Array(1 << 12);

  add(receiver: number, transmitter: number, seconds: number, rssi: number): void {
    if (this.count === this.receiver.length) this.grow();
    const i = this.count++;
    this.receiver[i] = receiver;
    this.transmitter[i] = transmitter;
    this.seconds[i] = seconds;
    this.rssi[i] = Math.max(-128, Math.min(127, Math.round(rssi)));
  }

  private grow(): void {
    const size = this.receiver.length * 2;
    const copy = <T extends Int32Array | Uint32Array | Int8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.receiver = copy(this.receiver, new Int32Array(size));
    this.transmitter = copy(this.transmitter, new Int32Array(size));
    this.seconds = copy(this.seconds, new Uint32Array(size));
    this.rssi = copy(this.rssi, new Int8Array(size));
  }

  /** Reorders the records by receiver then time and indexes them by transmitter. */
  seal(people: number): LedgerDay {
    const n = this.count;
    const [order, byReceiverStart] = groupBy(this.receiver, this.seconds, n, people);
    const transmitter = new Int32Array(n);
    const seconds = new Uint32Array(n);
    const rssi = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const id = order[i] as number;
      transmitter[i] = this.transmitter[id] as number;
      seconds[i] = this.seconds[id] as number;
      rssi[i] = this.rssi[id] as number;
    }
    const [byTransmitter, byTransmitterStart] = groupBy(transmitter, seconds, n, people);
    return new LedgerDay(n, transmitter, seconds, rssi, byReceiverStart, byTransmitter, byTransmitterStart);
  }
}

/** Counting sort of the first `n` record ids by `key`, stable in record order, then by time within a key. */
function groupBy(key: Int32Array, seconds: Uint32Array, n: number, people: number): [Int32Array, Int32Array] {
  const start = new Int32Array(people + 1);
  for (let i = 0; i < n; i++) start[(key[i] as number) + 1] = (start[(key[i] as number) + 1] as number) + 1;
  for (let p = 0; p < people; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const fill = start.slice(0, people);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = key[i] as number;
    order[fill[p] as number] = i;
    fill[p] = (fill[p] as number) + 1;
  }
  // Records are added minute by minute, so each group is nearly in time order: insertion sort.
  for (let p = 0; p < people; p++) {
    for (let i = (start[p] as number) + 1; i < (start[p + 1] as number); i++) {
      const id = order[i] as number;
      const t = seconds[id] as number;
      let j = i - 1;
      while (j >= (start[p] as number) && (seconds[order[j] as number] as number) > t) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = id;
    }
  }
  return [order, start];
}
