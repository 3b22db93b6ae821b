import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4, posterPdf, toAscii } from './poster-pdf.js';
import { loadVietnameseFont } from './ttf-parse.js';

const input = {
  name: 'Liên đoàn Lao động tỉnh Thái Bình',
  installUrl: 'https://bluezone.example/app/?org=ACDEFG',
  code: 'ACDEFG',
};

const decoded = (stream: PDFRawStream) => inflateSync(stream.getContents()).toString('latin1');

/** The text of the page's show-text operators, read back through the font's ToUnicode map. */
async function pageText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const unicode = new Map<string, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const text = decoded(object);
    for (const [, glyph, utf16] of text.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/g))
      unicode.set(
        glyph as string,
        String.fromCharCode(...(utf16?.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16))),
      );
  }
  const contents = doc.getPage(0).node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const lines: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    for (const [, hex] of decoded(stream).matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      lines.push((hex?.toLowerCase().match(/.{4}/g) ?? []).map((g) => unicode.get(g) ?? '\ufffd').join(''));
  }
  return lines;
}

describe('the A4 poster', () => {
  it('is one A4 page with the texts in Vietnamese and English, the link and the code', async () => {
    expect(loadVietnameseFont()).toBeDefined();
    const bytes = await posterPdf(input);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
    const lines = await pageText(bytes);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Bảo vệ mình, bảo vệ cộng đồng',
        'Liên đoàn Lao động tỉnh Thái Bình',
        'Quét mã QR để cài đặt ứng dụng Bluezone',
        'Scan the QR code to install the Bluezone app',
        input.installUrl,
        'Mã mời / Invite code: ACDEFG',
      ]),
    );
    // The QR code is also a link to the install URL.
    expect(Buffer.from(bytes).toString('latin1')).toContain(`/URI (${input.installUrl})`);
  });

  it('falls back to plain ASCII without a Vietnamese font', async () => {
    expect(toAscii('Bảo vệ mình, bảo vệ cộng đồng — Đà Nẵng')).toBe(
      'Bao ve minh, bao ve cong dong ? Da Nang',
    );
    const bytes = await posterPdf(input, null);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(bytes.length).toBeLessThan(50_000);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/BaseFont /Helvetica');
  });
});
