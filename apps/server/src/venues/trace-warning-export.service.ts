import { randomBytes } from 'node:crypto';
import { buildExportIndex, buildTraceWarningFile, padTraceWarnings } from '@bluezone/protocol';
import type { Logger } from 'pino';
import { configuredAreas } from '../areas/area-codes.js';
import type { BlobStore } from '../blobstore/blob-store.js';
import { INDEX_CACHE_CONTROL, ZIP_CACHE_CONTROL } from '../export/export-keys.js';
import { batchRandom } from '../export/export-random.js';
import { signingKeyRows, toSigner } from '../export/export-signers.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { createTraceWarningRepository, hourOf } from './trace-warning.repository.js';
import {
  createTraceWarningPackageRepository,
  type TraceWarningPackageRepository,
  type TraceWarningPackageRow,
} from './trace-warning-package.repository.js';
import { packageWindows, type TraceWarningSet, traceWarningSets } from './trace-warning-sets.js';

// The trace warning packages (docs/checkin.md "Warning packages", docs/decisions/0020): the national
// set's hourly packages (every warning) and each province set's packages (its warnings, one a day by
// default), padded with fakes, signed with the national export keys, zipped like a key export, listed
// in each set's index.

/** Every package holds at least this many warnings (real ones plus fakes), so its size says nothing. */
export const TRACE_WARNING_PADDING_MIN = 100;
/** Packages are kept (and planned back) this many hours: 14 days, as key exports. */
export const TRACE_WARNING_RETENTION_HOURS = 14 * 24;
/** An hour is packaged once it ended this long ago (an upload received at 10:59:59.9 is in 10:00's). */
const GRACE_MS = 60_000;
/** Most packages one pass writes. */
const MAX_PACKAGES_PER_PASS = 500;
const INTERVALS_PER_HOUR = 6;

/** Where the blobs are, under the store's `trace-warnings/` (apart from key exports). */
export const traceWarningFile = (region: string, hour: number) => `${region}/trace-warnings-${hour}.zip`;
export const traceWarningBlobPath = (path: string) => `trace-warnings/${path}`;
export const traceWarningIndexBlob = (region: string) => `trace-warnings/${region}/index.txt`;

export interface TraceWarningPassResult {
  planned: number;
  /** Packages written, every set's. */
  packages: number;
  /** Real warnings in the national set's packages written (province packages repeat them). */
  warnings: number;
}

/** Rewrites the region's index from the database: complete packages in hour order, up to the first that is not. */
export async function rewriteTraceWarningIndex(
  repository: TraceWarningPackageRepository,
  store: BlobStore,
  region: string,
): Promise<number> {
  return repository.withIndexLock(region, async (rows) => {
    const paths: string[] = [];
    for (const row of rows) {
      if (row.status !== 'complete') break;
      paths.push(traceWarningFile(region, row.hour));
    }
    const text = new TextEncoder().encode(buildExportIndex(paths));
    const current = await store.get(traceWarningIndexBlob(region));
    if (!current || Buffer.compare(current.body, text) !== 0)
      await store.put(traceWarningIndexBlob(region), text, {
        contentType: 'text/plain; charset=utf-8',
        cacheControl: INDEX_CACHE_CONTROL,
      });
    return paths.length;
  });
}

/**
 * The worker: plans every set's finished windows (from the oldest stored warning, at most 14 days
 * back), then claims and writes one package at a time under a lease, then rewrites every set's index.
 * Several processes may run passes at once: each package is written by one of them, exactly once.
 */
export function createTraceWarningExportService(
  deps: ServerDeps & { readonly logger: Logger },
  store: BlobStore,
  options: { owner?: string } = {},
) {
  const { db, clock, config } = deps;
  const owner = options.owner ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const packages = createTraceWarningPackageRepository(db);
  const warnings = createTraceWarningRepository(db);
  const authorities = createAuthorityRepository(db);

  async function write(
    row: TraceWarningPackageRow,
    set: TraceWarningSet,
    healthAuthorityId: string,
  ): Promise<number | undefined> {
    const real = await warnings.receivedIn(row.hour, row.hours, set.province);
    const signers = (await signingKeyRows(db, config, healthAuthorityId)).map((r) => toSigner(r, deps.keys));
    const endInterval = (row.hour + row.hours) * INTERVALS_PER_HOUR;
    const [first] = signers;
    if (!first) throw new Error(`region ${row.region} has no export signing key`);
    // The padding's randomness is derived from the signing key and the hour (as a key export's), and
    // ECDSA signatures are deterministic: a package written again (a crash, a lost lease) has the same
    // bytes, so a listed package never changes.
    const random = batchRandom(first.signingKey, `trace-warnings ${row.region} ${row.hour}`);
    const padded = padTraceWarnings(real, TRACE_WARNING_PADDING_MIN, {
      randomBytes: random.bytes,
      firstInterval: endInterval - TRACE_WARNING_RETENTION_HOURS * INTERVALS_PER_HOUR,
      lastInterval: endInterval - 1,
    });
    const zip = buildTraceWarningFile(
      { intervalNumber: row.hour, region: row.region, warnings: padded },
      signers,
    );
    if (!(await packages.holds(row, owner, clock.now()))) return undefined;
    await store.put(traceWarningBlobPath(traceWarningFile(row.region, row.hour)), zip, {
      contentType: 'application/zip',
      cacheControl: ZIP_CACHE_CONTROL,
    });
    if (!(await packages.complete(row, owner, real.length, clock.now()))) return undefined;
    return real.length;
  }

  return {
    owner,
    async runPass(signal?: AbortSignal): Promise<TraceWarningPassResult> {
      const result: TraceWarningPassResult = { planned: 0, packages: 0, warnings: 0 };
      const region = config.region;
      const authority = await authorities.findByRegion(region);
      if (!authority) return result;
      const now = clock.now();
      await deps.signingKeys.ensureActive('export', authority.id, now, region);
      const provinces = configuredAreas().provinces.map((p) => p.code);
      const sets = traceWarningSets(region, provinces, config.exportProvinceInterval);
      const setOf = new Map(sets.map((set) => [set.code, set]));
      const lastHour = hourOf(new Date(now.getTime() - GRACE_MS)) - 1;
      const oldest = await warnings.oldestHour();
      const firstHour = Math.max(
        lastHour - TRACE_WARNING_RETENTION_HOURS + 1,
        Math.min(oldest ?? lastHour, lastHour),
      );
      for (const set of sets)
        result.planned += await packages.plan(set.code, now, (lastEnd) =>
          packageWindows(lastEnd, firstHour, lastHour, set.hours),
        );
      for (let n = 0; n < MAX_PACKAGES_PER_PASS && !signal?.aborted; n++) {
        const row = await packages.claim(owner, clock.now(), config.exportLease);
        if (!row) break;
        const set = setOf.get(row.region);
        if (!set) continue;
        const written = await write(row, set, authority.id);
        if (written === undefined) {
          deps.logger.warn({ region: row.region, hour: row.hour }, 'trace warning package lease lost');
          continue;
        }
        result.packages++;
        result.warnings += set.province === undefined ? written : 0;
      }
      for (const set of sets) await rewriteTraceWarningIndex(packages, store, set.code);
      deps.logger.info({ job: 'trace-warnings', ...result }, 'trace warning pass');
      return result;
    },
  };
}

export type TraceWarningExportService = ReturnType<typeof createTraceWarningExportService>;
