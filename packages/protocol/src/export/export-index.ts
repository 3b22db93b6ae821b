// The index of a region's export files: plain text, one file path per line, oldest first.

import { ProtocolError } from '../errors.js';

/** Longest path accepted in an index line. */
export const MAX_INDEX_PATH_LENGTH = 1024;
/** Largest index text accepted when parsing (about 10,000 paths). */
export const DEFAULT_MAX_INDEX_BYTES = 1024 * 1024;

/** Relative object paths of zips: no spaces, no "..", no leading slash, no URL scheme. */
const PATH = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._~\-/]+\.zip$/;

function checkPath(path: string, where: string): void {
  if (path.length > MAX_INDEX_PATH_LENGTH || !PATH.test(path)) {
    const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
    throw new ProtocolError(
      'export_index_invalid',
      `${where}: "${shown}" is not a relative path to a .zip file`,
    );
  }
}

/**
 * The index text for `paths`, which must already be oldest first. Lines are joined by "\n" with no
 * trailing newline, as GAEN servers write it (a naive reader splitting on "\n" sees no empty path).
 */
export function buildExportIndex(paths: readonly string[]): string {
  const seen = new Set<string>();
  paths.forEach((path, i) => {
    checkPath(path, `path ${i + 1}`);
    if (seen.has(path))
      throw new ProtocolError('export_index_invalid', `path ${i + 1}: "${path}" is listed twice`);
    seen.add(path);
  });
  return paths.join('\n');
}

/**
 * The paths of an index, oldest first. Accepts "\n" or "\r\n" and one final newline; rejects blank
 * lines in between, duplicates, and anything that is not a relative .zip path.
 */
export function parseExportIndex(text: string, maxBytes = DEFAULT_MAX_INDEX_BYTES): string[] {
  if (text.length > maxBytes) {
    throw new ProtocolError(
      'export_too_large',
      `the index has ${text.length} characters, over the ${maxBytes} limit`,
    );
  }
  if (text === '') return [];
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.at(-1) === '') lines.pop();
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.trim() === '') throw new ProtocolError('export_index_invalid', `line ${i + 1} is blank`);
    checkPath(line, `line ${i + 1}`);
    if (seen.has(line))
      throw new ProtocolError('export_index_invalid', `line ${i + 1}: "${line}" is listed twice`);
    seen.add(line);
  });
  return lines;
}
