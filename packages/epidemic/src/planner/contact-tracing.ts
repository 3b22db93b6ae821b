import type { ContactNetworks, NetworkDay } from '../networks/contact-networks.js';
import { edgeCoin } from '../networks/edge-coin.js';

/**
 * App-based tracing over the interactions of the last `days` days. An interaction counts only when
 * both people have the app and the app caught it (probability `traceable`, one fixed coin per pair
 * and day). F1: the index's traced contacts; F2 (depth 2): the traced contacts of those, found at the
 * same moment.
 */
export class ContactTracer {
  private readonly history: NetworkDay[] = [];
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    private readonly networks: ContactNetworks,
    private readonly appUser: Uint8Array,
    private readonly traceable: number,
    private readonly days: number,
    private readonly captureKey: number,
  ) {
    this.stamp = new Int32Array(appUser.length);
  }

  /** Keeps the day's networks for later tracing (the last `days` days only). */
  remember(record: NetworkDay): void {
    this.history.push(record);
    if (this.history.length > this.days) this.history.shift();
  }

  /** True when the app recorded the interaction of `a` and `b` on `day`. */
  caught(a: number, b: number, day: number): boolean {
    if (this.appUser[a] !== 1 || this.appUser[b] !== 1) return false;
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    return edgeCoin(this.captureKey, low, high, day) < this.traceable;
  }

  /** The index's traced contacts (F1) and, for depth 2, theirs (F2), each person once. */
  trace(index: number, depth: 1 | 2): { f1: number[]; f2: number[] } {
    this.round++;
    this.stamp[index] = this.round;
    const f1 = this.contactsOf(index);
    const f2: number[] = [];
    if (depth === 2) for (const contact of f1) f2.push(...this.contactsOf(contact));
    return { f1, f2 };
  }

  /** Traced contacts of `person` not yet found in this round. */
  private contactsOf(person: number): number[] {
    const found: number[] = [];
    if (this.appUser[person] !== 1) return found;
    for (const record of this.history) {
      this.networks.forEachInteraction(person, record, (other) => {
        if (this.stamp[other] === this.round || !this.caught(person, other, record.day)) return;
        this.stamp[other] = this.round;
        found.push(other);
      });
    }
    return found;
  }
}
