// The export zip: export.bin + export.sig, written deterministically (fixed entry order and mtime).

import { zipSync } from 'fflate';
import { ProtocolError } from '../errors.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './limits.js';
import { readZipEntries } from './zip-reader.js';

export const EXPORT_BIN_NAME = 'export.bin';
export const EXPORT_SIG_NAME = 'export.sig';

/**
 * A fixed modification time, built from local-time fields because zip (DOS) times are local: the
 * bytes are then the same in every time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The two files of an export zip. */
export interface ExportZipEntries {
  readonly exportBin: Uint8Array;
  readonly exportSig: Uint8Array;
}

/** Writes the zip: export.bin then export.sig, deflated, with a fixed mtime (same input → same bytes). */
export function writeExportZip({ exportBin, exportSig }: ExportZipEntries): Uint8Array {
  return zipSync(
    { [EXPORT_BIN_NAME]: exportBin, [EXPORT_SIG_NAME]: exportSig },
    { level: 6, mtime: FIXED_MTIME },
  );
}

/**
 * Reads export.bin and export.sig from a zip. Both must be present; other entries are ignored (as
 * phones ignore them). Sizes are checked against `limits` before and while inflating.
 */
export function readExportZip(
  zip: Uint8Array,
  limits: ExportLimits = DEFAULT_EXPORT_LIMITS,
): ExportZipEntries {
  if (zip.length > limits.maxBytes) {
    throw new ProtocolError(
      'export_too_large',
      `the zip has ${zip.length} bytes, over the ${limits.maxBytes} limit`,
    );
  }
  const entries = readZipEntries(zip, {
    [EXPORT_BIN_NAME]: limits.maxBytes,
    [EXPORT_SIG_NAME]: limits.maxSignatureBytes,
  });
  const exportBin = entries.get(EXPORT_BIN_NAME);
  const exportSig = entries.get(EXPORT_SIG_NAME);
  if (exportBin === undefined || exportSig === undefined) {
    const missing = exportBin === undefined ? EXPORT_BIN_NAME : EXPORT_SIG_NAME;
    throw new ProtocolError('export_missing_entry', `the zip has no ${missing}`);
  }
  return { exportBin, exportSig };
}
