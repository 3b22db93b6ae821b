import { type AdoptionCurve, type AdoptionCurveOptions, adoptionCurve } from '@bluezone/epidemic';

/** What a curve worker posts to its parent. */
export type CurveJobMessage =
  | { readonly type: 'progress'; readonly share: number }
  | { readonly type: 'done'; readonly curve: AdoptionCurve };

/** Progress is posted in steps of this share (each post is a database write in the parent). */
export const PROGRESS_STEP = 0.02;

/**
 * Runs one adoption curve (in a worker thread: curve-worker.mjs), posting progress whenever it has
 * grown by `step` (0…1) and the curve at the end. Pure apart from `post`.
 */
export function runCurveJob(
  options: AdoptionCurveOptions,
  post: (message: CurveJobMessage) => void,
  step = 0.01,
) {
  let last = 0;
  const curve = adoptionCurve(options, (done, total, day) => {
    // `day` runs within the current run; the call that ends a run counts it in `done` (day = days).
    const share = Math.min(1, (done + (day < options.days ? day / options.days : 0)) / total);
    if (share - last >= step) {
      last = share;
      post({ type: 'progress', share });
    }
  });
  post({ type: 'done', curve });
}
