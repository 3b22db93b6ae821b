// Output of `bluezone eval proximity`: JSON for machines, a short table plus totals for people.

import type { RiskConfiguration } from '@bluezone/protocol';
import type { PairDay } from './proximity-evaluation.js';

/** The JSON result: one entry per (receiver, transmitter, UTC day). */
export function proximityJson(pairs: readonly PairDay[]) {
  return { pairs };
}

/** Rows of the human table before "… and N more". */
export const TABLE_ROWS = 20;

/** A table of the first pair-days and the totals. */
export function proximityText(pairs: readonly PairDay[], config: RiskConfiguration, rows: number): string {
  const close = pairs.filter((p) => p.closeContact).length;
  const lines = [
    `${pairs.length} pair-day${pairs.length === 1 ? '' : 's'} from ${rows} sighting${rows === 1 ? '' : 's'}: ${close} close contact${close === 1 ? '' : 's'} (configuration ${config.name}: ≥ ${config.dayThresholdsMinutes.high} weighted minutes in a UTC day)`,
  ];
  if (pairs.length > 0) {
    const width = (f: (p: PairDay) => string, title: string) =>
      Math.min(32, Math.max(title.length, ...pairs.slice(0, TABLE_ROWS).map((p) => f(p).length)));
    const rw = width((p) => p.receiver, 'receiver');
    const tw = width((p) => p.transmitter, 'transmitter');
    const cell = (text: string, w: number) => (text.length > w ? `${text.slice(0, w - 1)}…` : text.padEnd(w));
    lines.push(
      '',
      `${cell('receiver', rw)}  ${cell('transmitter', tw)}  day         windows  weighted min  close`,
    );
    for (const p of pairs.slice(0, TABLE_ROWS)) {
      lines.push(
        `${cell(p.receiver, rw)}  ${cell(p.transmitter, tw)}  ${p.day}  ${String(p.windows).padStart(7)}  ${p.weightedMinutes.toFixed(1).padStart(12)}  ${p.closeContact ? 'yes' : 'no'}`,
      );
    }
    if (pairs.length > TABLE_ROWS) lines.push(`… and ${pairs.length - TABLE_ROWS} more (--json lists all)`);
  }
  return lines.join('\n');
}
