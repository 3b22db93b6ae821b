import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { isProtocolError } from '../errors.js';
import { loadExportExample } from '../test-support/spec.js';
import { exportLimits } from './limits.js';
import { readExportZip, writeExportZip } from './zip.js';

const example = loadExportExample();
const exportBin = fromHex(example.exportBinHex);
const exportSig = fromHex(example.exportSigHex);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isProtocolError(e) ? e.code : String(e);
  }
}

describe('export zip', () => {
  it('is deterministic and reads back', () => {
    const zip = writeExportZip({ exportBin, exportSig });
    expect(writeExportZip({ exportBin, exportSig })).toEqual(zip);
    expect(readExportZip(zip)).toEqual({ exportBin, exportSig });
  });

  it('ignores extra entries but requires both files', () => {
    const extra = zipSync({
      'README.txt': new Uint8Array(5),
      'export.sig': exportSig,
      'export.bin': exportBin,
    });
    expect(readExportZip(extra).exportBin).toEqual(exportBin);
    expect(codeOf(() => readExportZip(zipSync({ 'export.bin': exportBin })))).toBe('export_missing_entry');
    expect(codeOf(() => readExportZip(zipSync({ 'export.sig': exportSig })))).toBe('export_missing_entry');
  });

  it('rejects garbage, truncation, corruption and too many entries', () => {
    const zip = writeExportZip({ exportBin, exportSig });
    expect(codeOf(() => readExportZip(new Uint8Array(0)))).toBe('export_zip_invalid');
    expect(codeOf(() => readExportZip(exportBin))).toBe('export_zip_invalid');
    expect(codeOf(() => readExportZip(zip.subarray(0, zip.length - 5)))).toBe('export_zip_invalid');
    const corrupt = zip.slice();
    corrupt[40] = (corrupt[40] as number) ^ 0xff;
    expect(codeOf(() => readExportZip(corrupt))).toBe('export_zip_invalid');
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`f${i}`, new Uint8Array(1)]));
    expect(
      codeOf(() => readExportZip(zipSync({ ...many, 'export.bin': exportBin, 'export.sig': exportSig }))),
    ).toBe('export_zip_invalid');
  });

  it('stops a zip bomb at the limit, whatever the header claims', () => {
    const big = new Uint8Array(50 * 1024 * 1024); // deflates to ~50 KB
    const bomb = zipSync({ 'export.bin': big, 'export.sig': exportSig });
    expect(bomb.length).toBeLessThan(200_000);
    expect(codeOf(() => readExportZip(bomb))).toBe('export_too_large');
    // Now lie in the headers: claim 1,000 bytes for an entry that inflates to 50 MiB.
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    for (let p = 0; p < liar.length - 4; p++) {
      const sig = view.getUint32(p, true);
      if (sig === 0x04034b50 && liar[p + 30] === 0x65 && liar[p + 37] === 0x62)
        view.setUint32(p + 22, 1000, true);
      if (sig === 0x02014b50 && liar[p + 46] === 0x65 && liar[p + 53] === 0x62)
        view.setUint32(p + 24, 1000, true);
    }
    // Refused for what it is, not by a clock: inflation stops at the declared size.
    expect(() => readExportZip(liar, exportLimits())).toThrow(/export.bin inflates past its declared size/);
    expect(deflateSync(big).length).toBeLessThan(100_000);
  });
});
