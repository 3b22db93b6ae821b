import { describe, expect, it } from 'vitest';
import { isProtocolError } from '../errors.js';
import { buildExportIndex, parseExportIndex } from './export-index.js';

const paths = [
  'exposureKeyExport-VN/1590159600-1590246000-00001.zip',
  'exposureKeyExport-VN/1590246000-1590332400-00001.zip',
];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isProtocolError(e) ? e.code : String(e);
  }
}

describe('export index', () => {
  it('builds one path per line, oldest first, and parses back', () => {
    const text = buildExportIndex(paths);
    expect(text).toBe(`${paths[0]}\n${paths[1]}`);
    expect(parseExportIndex(text)).toEqual(paths);
    expect(parseExportIndex(`${paths.join('\r\n')}\r\n`)).toEqual(paths);
    expect(parseExportIndex('')).toEqual([]);
    expect(buildExportIndex([])).toBe('');
  });

  it('rejects blank lines, garbage, traversal and duplicates', () => {
    expect(codeOf(() => parseExportIndex(`${paths[0]}\n\n${paths[1]}`))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex(`${paths[0]}\n  \n`))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('<html>oops</html>'))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('../secret.zip'))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('a/../b.zip'))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('/abs/a.zip'))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('https://x/a.zip'))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex(`${paths[0]}\n${paths[0]}`))).toBe('export_index_invalid');
    expect(codeOf(() => parseExportIndex('a.zip\n'.repeat(10), 20))).toBe('export_too_large');
    expect(codeOf(() => buildExportIndex(['a b.zip']))).toBe('export_index_invalid');
    expect(codeOf(() => buildExportIndex(['a.zip', 'a.zip']))).toBe('export_index_invalid');
    expect(parseExportIndex('v1/..a.zip')).toEqual(['v1/..a.zip']);
  });
});
