import type { Clock } from '../clock.js';
import type { ExportPassResult } from '../export/export.service.js';
import type { CleanupResult } from '../retention/cleanup.service.js';
import { metricsFor } from './bluezone-metrics.js';

/** Counts a finished export pass (batches, files, keys) and when it finished; returns the result. */
export function recordExportPass(config: object, result: ExportPassResult, clock: Clock): ExportPassResult {
  const metrics = metricsFor(config);
  metrics.exportPasses.inc();
  metrics.exportBatches.inc(result.batches);
  metrics.exportFiles.inc(result.files);
  metrics.exportKeys.inc(result.keys);
  metrics.exportLastPass.set(Math.floor(clock.now().getTime() / 1000));
  return result;
}

/** Counts what a retention cleanup deleted, by kind (`codes`, `exposures`, `exportFiles`, …). */
export function recordCleanup(config: object, result: CleanupResult): CleanupResult {
  const metrics = metricsFor(config);
  for (const [kind, count] of Object.entries(result)) metrics.retentionDeleted.inc({ kind }, count);
  return result;
}
