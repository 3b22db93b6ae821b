// Pure: which keys go into which file of a batch, and the random padding (docs/protocol.md §4).

import {
  type DiagnosisKey,
  INTERVAL_SECONDS,
  intervalNumber,
  ReportType,
  type ReportTypeName,
  ROLLING_PERIOD,
} from '@bluezone/protocol';

export interface PaddingRules {
  /** Files with fewer keys are padded up to this many… */
  readonly paddingMin: number;
  /** …plus a random 0…jitter more. */
  readonly paddingJitter: number;
  /** Most keys (real, revised and padding) in one file. */
  readonly maxKeysPerFile: number;
}

/** Injected randomness: `bytes(n)` random bytes, `int(n)` a uniform integer in 0…n-1. */
export interface ExportRandom {
  bytes(n: number): Uint8Array;
  int(n: number): number;
}

export interface PlannedFile {
  readonly keys: DiagnosisKey[];
  readonly revisedKeys: DiagnosisKey[];
  /** Real keys (and revised keys) in the file, without padding. */
  readonly realCount: number;
}

export function reportTypeOf(name: string | null | undefined): ReportType {
  return ReportType[(name ?? 'UNKNOWN') as ReportTypeName] ?? ReportType.UNKNOWN;
}

/**
 * Splits the batch's keys (sorted by key bytes) into files of at most `maxKeysPerFile`, then pads
 * every file under `paddingMin` with fake keys that look like its real ones. A batch with no keys
 * still gets one file of padding, so a file's size says nothing about how many people published.
 */
export function planExportFiles(
  keys: readonly DiagnosisKey[],
  revisedKeys: readonly DiagnosisKey[],
  rules: PaddingRules,
  random: ExportRandom,
  endSeconds: number,
): PlannedFile[] {
  // Sorted by key bytes: as latin1 strings (one code unit per byte, so the same order as compareBytes),
  // which V8 compares far faster than byte arrays; this runs on up to millions of keys.
  const sortKey = (k: DiagnosisKey, revised: boolean) =>
    Buffer.from(k.keyData.buffer, k.keyData.byteOffset, k.keyData.byteLength).toString('latin1') +
    (revised ? '\u0001' : '\u0000');
  const items = [
    ...keys.map((key) => ({ key, order: sortKey(key, false), revised: false })),
    ...revisedKeys.map((key) => ({ key, order: sortKey(key, true), revised: true })),
  ].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const files: PlannedFile[] = [];
  for (let i = 0; i < items.length || files.length === 0; i += rules.maxKeysPerFile) {
    const chunk = items.slice(i, i + rules.maxKeysPerFile);
    const file: PlannedFile = {
      keys: chunk.filter((c) => !c.revised).map((c) => c.key),
      revisedKeys: chunk.filter((c) => c.revised).map((c) => c.key),
      realCount: chunk.length,
    };
    if (chunk.length < rules.paddingMin) {
      const target = Math.min(rules.maxKeysPerFile, rules.paddingMin + random.int(rules.paddingJitter + 1));
      const models = chunk.map((c) => c.key);
      for (let n = chunk.length; n < target; n++) file.keys.push(fakeKey(models, random, endSeconds));
    }
    files.push(file);
  }
  return files;
}

/** A random key with the metadata of a random real key of the file (or a plausible day-long key). */
function fakeKey(models: readonly DiagnosisKey[], random: ExportRandom, endSeconds: number): DiagnosisKey {
  const model = models.length > 0 ? models[random.int(models.length)] : undefined;
  if (model) return { ...model, keyData: random.bytes(16) };
  const today = Math.floor(endSeconds / INTERVAL_SECONDS / ROLLING_PERIOD) * ROLLING_PERIOD;
  return {
    keyData: random.bytes(16),
    rollingStartIntervalNumber: intervalNumber(today - ROLLING_PERIOD * (1 + random.int(13))),
    rollingPeriod: ROLLING_PERIOD,
    transmissionRiskLevel: 0,
    reportType: ReportType.CONFIRMED_TEST,
  };
}
