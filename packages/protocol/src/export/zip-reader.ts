// Reads named entries from a zip defensively: no zip64, no encryption, bounded entry count, and every
// inflated byte counted, so a zip bomb stops at the limit instead of filling memory or spinning.

import { Inflate } from 'fflate';
import { ProtocolError } from '../errors.js';
import { crc32 } from './crc32.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Export zips hold two entries; a few more are tolerated (and ignored), thousands are not. */
export const MAX_ZIP_ENTRIES = 16;
/**
 * Compressed bytes fed to the inflater at a time. Deflate expands at most ~1032×, so one push can
 * overshoot the limit by at most ~16 MiB before the count stops it; smaller chunks cost time.
 */
const CHUNK = 16 * 1024;

/** A zip entry as the central directory describes it. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const invalid = (what: string) =>
  new ProtocolError('export_zip_invalid', `not a readable export zip: ${what}`);

/**
 * The contents of the entries named in `limits` (name → most uncompressed bytes). Missing entries are
 * absent from the result; entries not named are ignored; duplicated names are rejected.
 */
export function readZipEntries(
  zip: Uint8Array,
  limits: Readonly<Record<string, number>>,
): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const entry of centralDirectory(zip, view)) {
    const limit = limits[entry.name];
    if (limit === undefined) continue;
    if (out.has(entry.name)) throw invalid(`${entry.name} appears twice`);
    if (entry.size > limit) {
      throw new ProtocolError(
        'export_too_large',
        `${entry.name} has ${entry.size} bytes, over the ${limit} limit`,
      );
    }
    out.set(entry.name, extract(zip, view, entry));
  }
  return out;
}

function centralDirectory(zip: Uint8Array, view: DataView): ZipEntry[] {
  let eocd = -1;
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw invalid('no end-of-central-directory record');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 8, true) !== count)
    throw invalid('multi-disk');
  if (count === 0xffff || offset === 0xffffffff) throw invalid('zip64 is not supported');
  if (count > MAX_ZIP_ENTRIES) throw invalid(`${count} entries (at most ${MAX_ZIP_ENTRIES})`);
  if (offset + size > eocd) throw invalid('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw invalid('damaged central directory');
    const nameLength = view.getUint16(p + 28, true);
    const next = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (next > eocd) throw invalid('damaged central directory');
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: String.fromCharCode(...zip.subarray(p + 46, p + 46 + nameLength)),
    });
    p = next;
  }
  return entries;
}

function extract(zip: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL)
    throw invalid(`${entry.name}: bad local header`);
  if (entry.flags & 1) throw invalid(`${entry.name} is encrypted`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw invalid(`${entry.name} runs past the end of the zip`);
  const data = zip.subarray(start, end);
  let content: Uint8Array;
  if (entry.method === 0) content = data.slice();
  else if (entry.method === 8) content = inflateBounded(data, entry);
  else throw invalid(`${entry.name} uses compression method ${entry.method}`);
  if (content.length !== entry.size) throw invalid(`${entry.name} is not the size its header says`);
  if (crc32(content) !== entry.crc) throw invalid(`${entry.name} fails its CRC check`);
  return content;
}

function inflateBounded(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > out.length) throw invalid(`${entry.name} inflates past its declared size`);
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let p = 0; p < data.length; p += CHUNK) {
      inflater.push(data.subarray(p, p + CHUNK), p + CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw invalid(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return out.subarray(0, length);
}
