import { randomBytes } from 'node:crypto';
import { encodeExportBin } from '@bluezone/protocol';
import type { Logger } from 'pino';
import { configuredAreas } from '../areas/area-codes.js';
import type { BlobStore } from '../blobstore/blob-store.js';
import type { DatabaseHandle } from '../database/database.types.js';
import { readExportRecords } from '../exposures/exposure-records.js';
import type { BluezoneMetrics } from '../metrics/bluezone-metrics.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createExportBatchRepository, type ExportBatch } from './export-batch.repository.js';
import { encodeRecordsExportBin } from './export-bin-records.js';
import type { ExportRandom } from './export-file-plan.js';
import { rewriteExportIndex } from './export-index.service.js';
import { exportFilePath, ZIP_CACHE_CONTROL } from './export-keys.js';
import { batchRandom } from './export-random.js';
import { type PlannedRecordFile, planRecordFiles } from './export-record-plan.js';
import { sortRecords } from './export-record-sort.js';
import { type ExportSet, planExportSets } from './export-sets.js';
import { signingKeyRows, toSigner } from './export-signers.js';
import { batchWindows } from './export-windows.js';
import { packExportFile } from './export-zip.js';

export interface ExportDeps extends ServerDeps {
  readonly logger: Logger;
  /** PostgreSQL (not PGlite): large batches are read over several connections. */
  readonly database?: Pick<DatabaseHandle, 'driver'>;
}

export interface ExportPassResult {
  /** Batches planned by this pass, written by this pass, files written, real keys and revisions exported. */
  planned: number;
  batches: number;
  files: number;
  keys: number;
}

/** Most batches one pass writes (a server back after a long outage catches up over several passes). */
const MAX_BATCHES_PER_PASS = 500;
/** Files of a batch being encoded and deflated ahead of the one being written. */
const ZIPS_AHEAD = 2;

/**
 * The export worker: plans each set's batches (every authority's region, and every province of the
 * configured area set from the national region's keys: export-sets.ts), then claims and writes them
 * one at a time (files first, then the batch is marked complete), then rewrites every set's index. Several processes
 * may run passes at once on one database: planning is serialized by an advisory lock, each batch is
 * leased to one worker, and a batch whose worker died is taken over when its lease runs out.
 */
export function createExportService(
  deps: ExportDeps,
  store: BlobStore,
  options: { owner?: string; random?: ExportRandom } = {},
) {
  const { db, clock, config, logger } = deps;
  const owner = options.owner ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const batches = createExportBatchRepository(db);
  const authorities = createAuthorityRepository(db);

  function lost(batch: ExportBatch): { files: number; keys: number } {
    logger.warn(
      { batch: batch.id, region: batch.region },
      'export batch lease lost; another worker completes it',
    );
    return { files: 0, keys: 0 };
  }

  async function writeBatch(batch: ExportBatch, set: ExportSet): Promise<{ files: number; keys: number }> {
    // `region` names the set (its folder and its files' header): `VN`, or a province such as `VN-20`.
    const { region, startTimestamp: start, endTimestamp: end } = batch;
    const records = await readExportRecords(db, set.region, start, end, {
      parallel: deps.database?.driver === 'postgres',
      province: set.province,
    });
    const signers = (await signingKeyRows(db, config, set.healthAuthorityId)).map((row) =>
      toSigner(row, deps.keys),
    );
    const rules = {
      paddingMin: config.exportPaddingMin,
      paddingJitter: config.exportPaddingJitter,
      maxKeysPerFile: config.exportMaxKeysPerFile,
    };
    const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
    const [first] = signers;
    if (!first) throw new Error(`region ${region} has no export signing key`);
    const random =
      options.random ?? batchRandom(first.signingKey, `${region} ${seconds(start)} ${seconds(end)}`);
    const sorted = sortRecords(records.bytes, records.count);
    const planned = planRecordFiles(sorted, records.count, rules, random, seconds(end));
    // Every file is batch 1 of 1, as Google's server writes them: each verifies on its own.
    const header = {
      startTimestamp: seconds(start),
      endTimestamp: seconds(end),
      region,
      batchNum: 1,
      batchSize: 1,
    };
    const infos = signers.map((s) => s.signatureInfo);
    const zip = (i: number) => {
      const file = planned[i] as PlannedRecordFile;
      const exportBin = file.records
        ? encodeRecordsExportBin(header, infos, sorted, file.records.from, file.records.to)
        : encodeExportBin({ header, signatureInfos: infos, keys: file.keys, revisedKeys: file.revisedKeys });
      const packed = packExportFile(exportBin, signers, { batchNum: 1, batchSize: 1 });
      packed.catch(() => {}); // awaited below, unless the lease is lost first
      return packed;
    };
    // The next files are encoded and deflated (in the thread pool) while this one is written.
    const zips: (Promise<Uint8Array> | undefined)[] = planned.slice(0, ZIPS_AHEAD).map((_file, i) => zip(i));
    const files = [];
    for (const [i, file] of planned.entries()) {
      const path = exportFilePath(region, start, end, i + 1);
      const bytes = await (zips[i] as Promise<Uint8Array>);
      zips[i] = undefined;
      if (i + ZIPS_AHEAD < planned.length) zips[i + ZIPS_AHEAD] = zip(i + ZIPS_AHEAD);
      // A worker that stalled past its lease stops here rather than overwrite the new owner's files.
      if (!(await batches.renew(batch, owner, clock.now(), config.exportLease))) return lost(batch);
      await store.put(path, bytes, { contentType: 'application/zip', cacheControl: ZIP_CACHE_CONTROL });
      files.push({ path, batchNum: i + 1, batchSize: planned.length, keyCount: file.realCount });
    }
    if (!(await batches.complete(batch, owner, files, clock.now()))) return lost(batch);
    return { files: files.length, keys: records.count };
  }

  return {
    owner,
    /** `signal`: stop after the batch in hand (shutdown); its lease is released as it completes. */
    async runPass(signal?: AbortSignal): Promise<ExportPassResult> {
      const result: ExportPassResult = { planned: 0, batches: 0, files: 0, keys: 0 };
      const regions = await authorities.regions();
      const provinces = configuredAreas().provinces.map((p) => p.code);
      const sets = planExportSets(regions, provinces, config);
      const setOf = new Map(sets.map((s) => [s.code, s]));
      for (const { region, healthAuthorityId } of regions)
        await deps.signingKeys.ensureActive('export', healthAuthorityId, clock.now(), region);
      for (const set of sets)
        result.planned += await batches.plan(set.code, clock.now(), (lastEnd: Date | undefined) =>
          batchWindows(lastEnd, clock.now(), set.intervalMs, config.keyRetention),
        );
      for (let n = 0; n < MAX_BATCHES_PER_PASS && !signal?.aborted; n++) {
        const batch = await batches.claim(owner, clock.now(), config.exportLease);
        if (!batch) break;
        const set = setOf.get(batch.region);
        if (!set) continue;
        const written = await writeBatch(batch, set);
        result.batches += written.files > 0 ? 1 : 0;
        result.files += written.files;
        result.keys += written.keys;
      }
      for (const set of sets) await rewriteExportIndex(batches, store, set.code);
      logger.info({ job: 'export', ...result }, 'export pass');
      countPass(deps.metrics, result, clock.now());
      return result;
    },
  };
}

/** Counts a finished export pass (batches, files, keys) and when it finished. */
function countPass(metrics: BluezoneMetrics, result: ExportPassResult, now: Date): void {
  metrics.exportPasses.inc();
  metrics.exportBatches.inc(result.batches);
  metrics.exportFiles.inc(result.files);
  metrics.exportKeys.inc(result.keys);
  metrics.exportLastPass.set(Math.floor(now.getTime() / 1000));
}

export type ExportService = ReturnType<typeof createExportService>;
