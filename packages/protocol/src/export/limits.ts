// Bounds on what a reader of export files accepts: input from the network is hostile until verified.

import { ProtocolError } from '../errors.js';

/** Size and count limits when reading export files. Every field has a default (DEFAULT_EXPORT_LIMITS). */
export interface ExportLimits {
  /** Largest export.bin (and largest zip), in bytes. */
  readonly maxBytes: number;
  /** Largest export.sig, in bytes. */
  readonly maxSignatureBytes: number;
  /** Most keys plus revised keys in one file. */
  readonly maxKeys: number;
  /** Most signature infos in export.bin, and most signatures in export.sig. */
  readonly maxSignatures: number;
}

/**
 * Defaults sized for the largest file a GAEN server writes: 500,000 keys. A key takes about 35 bytes
 * on the wire (at most ~70 with every optional field at its widest), so 32 MiB leaves ample room.
 */
export const DEFAULT_EXPORT_LIMITS: ExportLimits = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxSignatureBytes: 64 * 1024,
  maxKeys: 500_000,
  maxSignatures: 16,
});

/** Defaults overridden by `overrides`. */
export function exportLimits(overrides: Partial<ExportLimits> = {}): ExportLimits {
  const limits: { -readonly [K in keyof ExportLimits]: number } = { ...DEFAULT_EXPORT_LIMITS };
  for (const name of Object.keys(limits) as (keyof ExportLimits)[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ProtocolError(
        'invalid_limits',
        `export limit ${name} must be a positive integer, not ${value}`,
      );
    }
    limits[name] = value;
  }
  return Object.freeze(limits);
}
