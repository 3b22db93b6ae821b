// `bluezone bench server`: publish requests/s against the bare-Node HTTP ceiling, and export keys/s,
// on a throwaway PostgreSQL 15 cluster on loopback (docs/performance.md, "Server").

import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { findPostgresBinaries, startPostgresCluster } from '../testing/postgres-cluster.js';
import { type ExportBenchResult, runExportBench } from './export-bench.js';
import { type PublishBenchResult, runPublishBench } from './publish-bench.js';

export interface ServerBenchOptions {
  /** Seconds of load on each server (default 10). */
  readonly seconds?: number;
  readonly connections?: number;
  /** Exposures in the export batch (default 2,000,000). */
  readonly exportKeys?: number;
  readonly progress?: (line: string) => void;
}

export interface ServerBenchResult extends PublishBenchResult {
  /** Seconds of load asked for on each server, and connections. */
  seconds: number;
  connections: number;
  /** Publish over bare-Node: the target ratio and whether it is met. */
  targetRatio: number;
  ratioMet: boolean;
  export: ExportBenchResult & { targetKeysPerSecond: number; targetMet: boolean };
  machine: { node: string; cpus: number; cpu: string; loadAverage: number[] };
  totalSeconds: number;
}

export const PUBLISH_TARGET_RATIO = 0.2;
export const EXPORT_TARGET_KEYS_PER_SECOND = 500_000;

/** Runs both measures; throws (with how to fix it) when PostgreSQL 15 is not installed. */
export async function runServerBench(options: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 50;
  const exportKeys = options.exportKeys ?? 2_000_000;
  const progress = options.progress ?? (() => {});
  findPostgresBinaries();
  const started = performance.now();
  const loadAverage = loadavg().map((n) => Math.round(n * 100) / 100);
  progress('starting PostgreSQL 15…');
  const cluster = await startPostgresCluster();
  try {
    const secret = randomBytes(32).toString('base64');
    const publish = await runPublishBench(
      await cluster.createDatabase(),
      secret,
      seconds,
      connections,
      progress,
    );
    const exported = await runExportBench(await cluster.createDatabase(), secret, exportKeys, progress);
    return {
      ...publish,
      seconds,
      connections,
      targetRatio: PUBLISH_TARGET_RATIO,
      ratioMet: publish.ratio >= PUBLISH_TARGET_RATIO,
      export: {
        ...exported,
        targetKeysPerSecond: EXPORT_TARGET_KEYS_PER_SECOND,
        targetMet: exported.keysPerSecond >= EXPORT_TARGET_KEYS_PER_SECOND,
      },
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        loadAverage,
      },
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await cluster.stop();
  }
}
