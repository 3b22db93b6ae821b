// Pure: planExportFiles for sorted records, without a key object per record in large files.

import type { DiagnosisKey } from '@bluezone/protocol';
import { FLAG_REVISED, R, RECORD_BYTES } from '../exposures/exposure-records.js';
import { recordKey, recordsWritable } from './export-bin-records.js';
import {
  type ExportRandom,
  type PaddingRules,
  type PlannedFile,
  planExportFiles,
} from './export-file-plan.js';

/** A file of records written as they are, or (padded, or with values to check) of key objects. */
export type PlannedRecordFile =
  | { readonly records: { readonly from: number; readonly to: number }; readonly realCount: number }
  | (PlannedFile & { readonly records?: undefined });

/**
 * The files planExportFiles would make of the same keys, with the same padding (the same calls on
 * `random`, in the same order): files of `maxKeysPerFile` of the sorted records; a file under
 * `paddingMin` (padded) or with a value export files cannot carry (to fail as it fails) goes
 * through planExportFiles.
 */
export function planRecordFiles(
  bytes: Uint8Array,
  count: number,
  rules: PaddingRules,
  random: ExportRandom,
  endSeconds: number,
): PlannedRecordFile[] {
  const files: PlannedRecordFile[] = [];
  for (let i = 0; i < count || files.length === 0; i += rules.maxKeysPerFile) {
    const to = Math.min(count, i + rules.maxKeysPerFile);
    if (to - i >= rules.paddingMin && recordsWritable(bytes, i, to)) {
      files.push({ records: { from: i, to }, realCount: to - i });
      continue;
    }
    const keys: DiagnosisKey[] = [];
    const revised: DiagnosisKey[] = [];
    for (let r = i; r < to; r++) {
      const isRevised = ((bytes[r * RECORD_BYTES + R.flags] as number) & FLAG_REVISED) !== 0;
      (isRevised ? revised : keys).push(recordKey(bytes, r));
    }
    const [file] = planExportFiles(keys, revised, rules, random, endSeconds);
    if (file) files.push(file);
  }
  return files;
}
