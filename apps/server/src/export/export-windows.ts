// Pure: the batch windows a region still needs.

import type { BatchWindow } from './export-batch.repository.js';

/**
 * How long after its end a window is exported. The publish endpoint stores `exportable_at` no earlier
 * than the publish time truncated to the hour, so a key can land up to an hour in the past; waiting an
 * hour and five minutes means no key arrives in a window that was already exported.
 */
export const EXPORT_SETTLE_MS = 65 * 60_000;

/**
 * The windows after `lastEnd` that have settled by `now`, each ending on a multiple of `periodMs`.
 * A region's first window starts `retentionMs` back (every stored key); a gap longer than the
 * retention (the server was down) is covered by one long window, then one window per period.
 */
export function batchWindows(
  lastEnd: Date | undefined,
  now: Date,
  periodMs: number,
  retentionMs: number,
): BatchWindow[] {
  const floor = (ms: number) => Math.floor(ms / periodMs) * periodMs;
  const boundary = floor(now.getTime() - EXPORT_SETTLE_MS);
  const oldest = floor(boundary - retentionMs);
  const windows: BatchWindow[] = [];
  let start = lastEnd?.getTime() ?? oldest;
  if (start < oldest) {
    windows.push({ start: new Date(start), end: new Date(oldest) });
    start = oldest;
  }
  if (lastEnd === undefined && start < boundary) return [{ start: new Date(start), end: new Date(boundary) }];
  for (let end = floor(start) + periodMs; end <= boundary; end += periodMs) {
    windows.push({ start: new Date(start), end: new Date(end) });
    start = end;
  }
  return windows;
}
