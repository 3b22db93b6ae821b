import { type PDFDocument, PDFHexString, type PDFName, type PDFPage, type PDFRef, PDFString } from 'pdf-lib';
import type { TrueTypeFont } from './ttf-parse.js';

// A TrueType font embedded whole in a PDF as a CIDFontType2 with Identity-H encoding (glyph ids as
// character codes), with a ToUnicode map so that the text can be copied and searched.

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
