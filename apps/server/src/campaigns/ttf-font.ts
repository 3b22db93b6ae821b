import { readFileSync } from 'node:fs';
import { type PDFDocument, PDFHexString, type PDFName, type PDFPage, type PDFRef, PDFString } from 'pdf-lib';

// A TrueType font embedded whole in a PDF as a CIDFontType2 with Identity-H encoding, without
// fontkit: the cmap (format 4) gives each character its glyph, hmtx its width. Enough for
// Vietnamese, whose letters are precomposed characters (NFC) with glyphs of their own.

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

/** A font embedded in one document: `encode` text for a page, `finish` before saving. */
export class EmbeddedFont {
  private readonly used = new Map<number, number>();
  readonly ref: PDFRef;

  constructor(
    private readonly doc: PDFDocument,
    readonly font: TrueTypeFont,
  ) {
    this.ref = doc.context.nextRef();
  }

  /** The font's resource name on `page`. */
  nameOn(page: PDFPage): PDFName {
    return page.node.newFontDictionary('BZ', this.ref);
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (const ch of text.normalize('NFC'))
      units += this.font.advance(this.font.glyph(ch.codePointAt(0) ?? 0));
    return (units * size) / this.font.unitsPerEm;
  }

  encode(text: string): PDFHexString {
    let hex = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0) ?? 0;
      const glyph = this.font.glyph(cp);
      this.used.set(glyph, cp);
      hex += glyph.toString(16).padStart(4, '0');
    }
    return PDFHexString.of(hex);
  }

  finish(): void {
    const { context } = this.doc;
    const { font } = this;
    const scale = (v: number) => Math.round((v * 1000) / font.unitsPerEm);
    const fontFile = context.register(context.flateStream(font.bytes, { Length1: font.bytes.length }));
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: 'DejaVuSans',
        Flags: 32,
        FontBBox: font.bbox.map(scale),
        ItalicAngle: 0,
        Ascent: scale(font.ascent),
        Descent: scale(font.descent),
        CapHeight: scale(font.ascent * 0.7),
        StemV: 80,
        FontFile2: fontFile,
      }),
    );
    const glyphs = [...this.used.keys()].sort((a, b) => a - b);
    const widths = glyphs.flatMap((g) => [g, [scale(font.advance(g))]]);
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: 'DejaVuSans',
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widths,
        CIDToGIDMap: 'Identity',
      }),
    );
    const hex4 = (n: number) => n.toString(16).padStart(4, '0');
    const utf16 = (cp: number) => [...String.fromCodePoint(cp)].map((c) => hex4(c.charCodeAt(0))).join('');
    const entries = glyphs.map((g) => `<${hex4(g)}> <${utf16(this.used.get(g) ?? 0)}>`);
    // At most 100 entries per bfchar block.
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
    const toUnicode = context.register(context.flateStream(cmap));
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: 'DejaVuSans',
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}
