import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import {
  type BatchPosition,
  EXPORT_BIN_NAME,
  EXPORT_SIG_NAME,
  type ExportSigner,
  encodeExportSig,
  signExportDigest,
} from '@bluezone/protocol';

const deflateRawAsync = promisify(deflateRaw);

/**
 * Deflate level of export.bin. Key bytes are random: only the fields around them compress. Level 1
 * gives 0.678 of the size at ~4× the speed of level 6 (0.640); see docs/performance.md ("Server").
 */
export const EXPORT_DEFLATE_LEVEL = 1;

/**
 * The zip of an export file: export.bin signed once (SHA-256 by node:crypto, then every signer signs
 * the digest: the signatures signExport makes), export.bin deflated in the thread pool, export.sig.
 * Same bytes for the same input and zlib (RFC 6979 signatures, fixed mtime and order).
 */
export async function packExportFile(
  exportBin: Uint8Array,
  signers: readonly ExportSigner[],
  batch: BatchPosition,
): Promise<Uint8Array> {
  const digest = new Uint8Array(createHash('sha256').update(exportBin).digest());
  const exportSig = encodeExportSig(
    signers.map((s) => signExportDigest(digest, s.signingKey, s.signatureInfo, batch)),
  );
  const bin = await deflateRawAsync(exportBin, { level: EXPORT_DEFLATE_LEVEL });
  return zipEntries([
    { name: EXPORT_BIN_NAME, data: exportBin, deflated: bin },
    { name: EXPORT_SIG_NAME, data: exportSig, deflated: deflateRawSync(exportSig, { level: 6 }) },
  ]);
}

interface Entry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly deflated: Uint8Array;
}

/** DOS time 00:00:00 and date 1980-01-01: a fixed mtime, so the bytes never depend on the clock. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A plain zip (no zip64, no data descriptors): local header and data of each entry, then the directory. */
function zipEntries(entries: readonly Entry[]): Uint8Array {
  const names = entries.map((e) => Buffer.from(e.name, 'ascii'));
  const localSize = entries.reduce((n, e, i) => n + 30 + (names[i] as Buffer).length + e.deflated.length, 0);
  const centralSize = entries.reduce((n, _e, i) => n + 46 + (names[i] as Buffer).length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const offsets: number[] = [];
  let p = 0;
  const common = (e: Entry, at: number) => {
    out.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
    out.writeUInt16LE(0, at + 2); // flags
    out.writeUInt16LE(8, at + 4); // method: deflate
    out.writeUInt16LE(DOS_TIME, at + 6);
    out.writeUInt16LE(DOS_DATE, at + 8);
    out.writeUInt32LE(crc32(e.data), at + 10);
    out.writeUInt32LE(e.deflated.length, at + 14);
    out.writeUInt32LE(e.data.length, at + 18);
  };
  entries.forEach((e, i) => {
    const name = names[i] as Buffer;
    offsets.push(p);
    out.writeUInt32LE(0x04034b50, p);
    common(e, p + 4);
    out.writeUInt16LE(name.length, p + 26);
    out.writeUInt16LE(0, p + 28);
    name.copy(out, p + 30);
    out.set(e.deflated, p + 30 + name.length);
    p += 30 + name.length + e.deflated.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    const name = names[i] as Buffer;
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE(20, p + 4); // version made by: 2.0, MS-DOS
    common(e, p + 6);
    out.writeUInt16LE(name.length, p + 28);
    // extra and comment lengths, disk number, attributes: 0
    out.writeUInt32LE(offsets[i] as number, p + 42);
    name.copy(out, p + 46);
    p += 46 + name.length;
  });
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt16LE(entries.length, p + 8);
  out.writeUInt16LE(entries.length, p + 10);
  out.writeUInt32LE(p - central, p + 12);
  out.writeUInt32LE(central, p + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
