import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parsePublicKeyPem, readExportFile } from '@bluezone/protocol';
import { and, eq, gte } from 'drizzle-orm';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { openCore } from '../app/open-core.js';
import { configuredAreas } from '../areas/area-codes.js';
import { createFilesystemBlobStore } from '../blobstore/filesystem-blob-store.js';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config/load-config.js';
import { exportBatches, exportFiles } from '../database/schema.js';
import { exportPublicKeys } from '../distribution/export-public-keys.service.js';
import { loadRiskConfiguration } from '../distribution/risk-configuration.js';
import { createExportService } from '../export/export.service.js';
import { createExposureRepository, type NewExposures } from '../exposures/exposure.repository.js';
import { createLogger } from '../http/logger.js';
import { createInsertBatcher } from '../publish/insert-batcher.js';
import { findPostgresBinaries, startPostgresCluster } from '../testing/postgres-cluster.js';
import {
  declaredProvince,
  f0ByProvince,
  NATIONAL_PHONE_DAY,
  type PhoneDayModel,
  seededUniform,
} from './phone-day-model.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The measured day (UTC); any day works, a fixed one makes file names comparable between runs. */
const DAY_START = Date.parse('2026-11-02T00:00:00Z');
/** Phones poll the index every 4 hours (docs/scale.md). */
export const POLLS_PER_DAY = 6;
/** Days of files an index lists in steady state (key retention). */
const INDEX_DAYS = 14;
/** Publishes in flight at once (the insert batcher groups them into statements of 64). */
const WAVE = 4_096;

/** One export set's day, as a phone watching it sees it. */
export interface PhoneDaySet {
  readonly set: string;
  readonly population: number;
  /** Real keys (and revisions) in the set's files of the day. */
  readonly keys: number;
  /** Keys in the downloaded files, padding included: what the phone matches. */
  readonly downloadedKeys: number;
  readonly files: number;
  readonly zipBytes: number;
  /** index.txt at 14 days of such files, times the polls of a day. */
  readonly indexBytes: number;
  /** keys.json and risk-configuration.json (of VN) at every poll. */
  readonly configurationBytes: number;
  /** Every byte of the day: zips + index + configuration. */
  readonly bytes: number;
}

export interface PhoneDayServerResult {
  readonly model: PhoneDayModel;
  readonly f0: number;
  readonly f1: number;
  readonly publishes: number;
  readonly declaringPublishes: number;
  readonly storedKeys: number;
  readonly storeSeconds: number;
  readonly exportSeconds: number;
  readonly national: PhoneDaySet;
  readonly provinces: PhoneDaySet[];
}

/**
 * Issue 17's phone day on a throwaway PostgreSQL 15: the export sets are started (a first pass at
 * 01:30 of the day before nothing is published), then the whole day of the load model is stored
 * through the publish path's own insert (the insert batcher and its one statement per 64 publishes)
 * with publish times spread over the day, then one export pass at 01:30 the next day writes 24
 * hourly national batches and one daily batch per province. Every file of the day is read back and
 * verified with the national keys, and what a phone watching each set fetches in a day is summed.
 */
export async function runPhoneDayBench(
  options: { model?: PhoneDayModel; seed?: number; progress?: (line: string) => void } = {},
): Promise<PhoneDayServerResult> {
  const model = options.model ?? NATIONAL_PHONE_DAY;
  const progress = options.progress ?? (() => {});
  findPostgresBinaries();
  progress('starting PostgreSQL 15…');
  const cluster = await startPostgresCluster();
  const dataDir = mkdtempSync(join(tmpdir(), 'bluezone-bench-phone-day-'));
  try {
    const config = loadConfig({
      DATABASE_URL: await cluster.createDatabase(),
      BLUEZONE_SECRET: randomBytes(32).toString('base64'),
      BLUEZONE_DATA_DIR: dataDir,
    });
    const clock = new ManualClock(new Date(DAY_START + 90 * 60_000));
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const root = join(dataDir, 'exports');
    const store = createFilesystemBlobStore(root);
    const core = await openCore(config, { logger: createLogger('info', sink), clock, blobStore: store });
    try {
      const { healthAuthorityId } = await initHealthAuthority(core, config.region);
      const exporter = createExportService(core, store);
      progress('first export pass (every set starts at 00:00 of the day)…');
      await exporter.runPass();

      const stored = await storeDay(
        core,
        healthAuthorityId,
        config.region,
        model,
        options.seed ?? 1,
        progress,
      );
      clock.advance(DAY);
      progress('export pass of the day…');
      const t0 = performance.now();
      await exporter.runPass();
      const exportSeconds = (performance.now() - t0) / 1000;

      const keys = (await exportPublicKeys(core, config.region)) ?? [];
      const trusted = keys.map((k) => ({
        keyId: k.keyId,
        keyVersion: k.keyVersion,
        publicKey: parsePublicKeyPem(k.publicKeyPem),
      }));
      const configurationBytes =
        POLLS_PER_DAY *
        (Buffer.byteLength(JSON.stringify(keys)) +
          Buffer.byteLength(JSON.stringify(loadRiskConfiguration(config.riskConfiguration))));
      const daySet = async (set: string, population: number): Promise<PhoneDaySet> => {
        const rows = await core.db
          .select({ path: exportFiles.path, keyCount: exportFiles.keyCount })
          .from(exportFiles)
          .innerJoin(exportBatches, eq(exportBatches.id, exportFiles.batchId))
          .where(and(eq(exportFiles.region, set), gte(exportBatches.startTimestamp, new Date(DAY_START))));
        let zipBytes = 0;
        let downloadedKeys = 0;
        let lines = 0;
        for (const row of rows) {
          const zip = new Uint8Array(readFileSync(join(root, row.path)));
          const file = readExportFile(zip, { publicKeys: trusted });
          if (file.header.region !== set) throw new Error(`${row.path}: header region ${file.header.region}`);
          zipBytes += zip.length;
          downloadedKeys += file.keys.length + file.revisedKeys.length;
          lines += Buffer.byteLength(row.path) + 1;
        }
        const indexBytes = POLLS_PER_DAY * INDEX_DAYS * lines;
        return {
          set,
          population,
          keys: rows.reduce((n, r) => n + r.keyCount, 0),
          downloadedKeys,
          files: rows.length,
          zipBytes,
          indexBytes,
          configurationBytes,
          bytes: zipBytes + indexBytes + configurationBytes,
        };
      };
      progress('reading back and verifying the files of the day…');
      const areas = configuredAreas().provinces;
      const national = await daySet(
        config.region,
        areas.reduce((n, p) => n + p.population, 0),
      );
      const provinces: PhoneDaySet[] = [];
      for (const p of areas) provinces.push(await daySet(p.code, p.population));
      return { model, ...stored, exportSeconds, national, provinces };
    } finally {
      await core.close();
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Stores the day's publishes through the insert batcher, a wave at a time (bounded memory). */
async function storeDay(
  core: Awaited<ReturnType<typeof openCore>>,
  healthAuthorityId: string,
  region: string,
  model: PhoneDayModel,
  seed: number,
  progress: (line: string) => void,
) {
  const areas = configuredAreas().provinces;
  const f0 = f0ByProvince(areas, model.f0PerDay);
  const uniform = seededUniform(seed);
  const insert = createInsertBatcher(createExposureRepository(core.db).insertUnlessStored);
  const dayInterval = DAY_START / 600_000;
  const publishOf = (home: string, recursive: boolean): NewExposures => {
    const count = recursive ? model.f1Keys : model.f0Keys;
    // Stored in hours 01:00 … 24:00: exportable in (00:00, 24:00], the windows of the day (a key
    // exportable at 00:00 would belong to the window the first pass already wrote).
    const createdAt = new Date(DAY_START + (1 + Math.floor(uniform() * 24)) * HOUR);
    const declared = uniform() < model.declaringShare ? declaredProvince(areas, home, uniform) : undefined;
    const bytes = randomBytes(16 * count);
    return {
      region,
      healthAuthorityId,
      reportType: recursive ? 'RECURSIVE' : 'CONFIRMED_TEST',
      traveler: false,
      createdAt,
      provinces: declared === undefined ? [home] : [home, declared].sort(),
      keys: Array.from({ length: count }, (_, i) => ({
        exposureKey: new Uint8Array(bytes.subarray(16 * i, 16 * i + 16)),
        rollingStartIntervalNumber: dayInterval - 144 * (count - i),
        rollingPeriod: 144,
        transmissionRisk: 0,
        daysSinceOnsetOfSymptoms: null,
        exportableAt: createdAt,
      })),
    };
  };
  function* publishes(): Generator<NewExposures> {
    for (const [home, cases] of f0)
      for (let c = 0; c < cases; c++) {
        yield publishOf(home, false);
        for (let k = 0; k < model.f1PerF0; k++) yield publishOf(home, true);
      }
  }
  const total = model.f0PerDay * (1 + model.f1PerF0);
  let done = 0;
  let declaring = 0;
  let storedKeys = 0;
  const t0 = performance.now();
  let wave: NewExposures[] = [];
  const flush = async () => {
    const outcomes = await Promise.all(wave.map(insert));
    storedKeys += outcomes.reduce((n, o) => n + o.inserted, 0);
    done += wave.length;
    wave = [];
    if (done % (WAVE * 8) < WAVE || done === total)
      progress(`stored ${done.toLocaleString('en')} / ${total.toLocaleString('en')} publishes`);
  };
  for (const publish of publishes()) {
    if (publish.provinces.length > 1) declaring++;
    wave.push(publish);
    if (wave.length === WAVE) await flush();
  }
  if (wave.length > 0) await flush();
  return {
    f0: model.f0PerDay,
    f1: model.f0PerDay * model.f1PerF0,
    publishes: done,
    declaringPublishes: declaring,
    storedKeys,
    storeSeconds: (performance.now() - t0) / 1000,
  };
}
