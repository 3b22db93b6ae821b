/**
 * Counts kept in memory and written together: the adoption reports of 50 million phones a day would
 * otherwise update the same few counter rows thousands of times a second (hot rows). Each process
 * adds to its own buffer and writes it every `flushMs`, when asked (before a read that must see it)
 * and when it closes: one statement for every row it touched, rows in key order so that processes
 * writing at once lock rows in the same order. A failed write keeps the counts for the next one.
 * What a process that crashes held is lost: at most `flushMs` of its counts (docs/scale.md).
 */
export class CountBuffer {
  private pending = new Map<string, number[]>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    /** Writes the rows (sorted by key) in one statement. */
    private readonly write: (rows: readonly { key: string; counts: readonly number[] }[]) => Promise<void>,
    private readonly flushMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Adds `counts` to the row of `key`. */
  add(key: string, counts: readonly number[]): void {
    const row = this.pending.get(key);
    if (row) for (let i = 0; i < counts.length; i++) row[i] = (row[i] ?? 0) + (counts[i] ?? 0);
    else this.pending.set(key, [...counts]);
    if (this.timer === undefined && !this.closed) {
      this.timer = setInterval(() => void this.flush().catch(this.onError), this.flushMs);
      this.timer.unref?.();
    }
  }

  /** Rows waiting to be written. */
  get size(): number {
    return this.pending.size;
  }

  /** Writes what is pending now (after any write in progress); safe to call at any time. */
  flush(): Promise<void> {
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (this.pending.size === 0) return;
        const batch = this.pending;
        this.pending = new Map();
        const rows = [...batch]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, counts]) => ({ key, counts }));
        try {
          await this.write(rows);
        } catch (error) {
          for (const { key, counts } of rows) this.add(key, counts);
          throw error;
        }
      });
    return this.writing;
  }

  /** Stops the timer and writes what is pending (the clean stop loses nothing). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
