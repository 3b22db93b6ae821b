import { readFileSync } from 'node:fs';

// A TrueType font read without fontkit: the cmap (format 4) gives each character its glyph, hmtx
// its width, head and hhea the metrics. Enough for Vietnamese, whose letters are precomposed
// characters (NFC) with glyphs of their own.

/** Vietnamese-capable fonts tried in order (Debian's DejaVu Sans). */
export const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];

export interface TrueTypeFont {
  readonly bytes: Uint8Array;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly bbox: readonly [number, number, number, number];
  glyph(codePoint: number): number;
  advance(glyph: number): number;
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`the font has no ${tag} table`);
    return offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const metrics = view.getUint16(hhea + 34);
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    const [platform, encoding] = [view.getUint16(at), view.getUint16(at + 2)];
    const offset = cmap + view.getUint32(at + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && view.getUint16(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error('the font has no Unicode BMP cmap (format 4)');
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return {
    bytes,
    unitsPerEm: view.getUint16(head + 18),
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    bbox: [
      view.getInt16(head + 36),
      view.getInt16(head + 38),
      view.getInt16(head + 40),
      view.getInt16(head + 42),
    ],
    glyph(codePoint) {
      if (codePoint > 0xffff) return 0;
      for (let i = 0; i < segments; i++) {
        if (view.getUint16(ends + 2 * i) < codePoint) continue;
        const start = view.getUint16(starts + 2 * i);
        if (start > codePoint) return 0;
        const delta = view.getUint16(deltas + 2 * i);
        const range = view.getUint16(ranges + 2 * i);
        if (range === 0) return (codePoint + delta) & 0xffff;
        const glyph = view.getUint16(ranges + 2 * i + range + 2 * (codePoint - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    },
    advance(glyph) {
      return view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1));
    },
  };
}

/** The first candidate font that exists, or undefined (the poster then falls back to plain ASCII). */
export function loadVietnameseFont(candidates = FONT_CANDIDATES): TrueTypeFont | undefined {
  for (const path of candidates) {
    try {
      return parseTrueType(new Uint8Array(readFileSync(path)));
    } catch {}
  }
  return undefined;
}
