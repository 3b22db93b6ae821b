import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

// Reads a poster's QR code back from the PDF itself, as a phone would from the printed sheet: the
// filled rectangles of the page's content streams are rasterised (2 pixels a point, black on white)
// and the image is given to a QR decoder (jsQR). Nothing is taken from the PDF's link annotation.

const RECTANGLE =
  /1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm\n(?:1 0 0 1 0 0 cm\n)*0 0 m\n0 ([\d.]+) l\n([\d.]+) [\d.]+ l\n[\d.]+ 0 l\nh\nf\n/g;
const SCALE = 2;

/** The text of the QR code on the first page, or undefined when none decodes. */
export async function pdfQrText(bytes: Uint8Array): Promise<string | undefined> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const w = Math.ceil(width * SCALE);
  const h = Math.ceil(height * SCALE);
  const pixels = new Uint8ClampedArray(w * h * 4).fill(255);
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const text = inflateSync(stream.getContents()).toString('latin1');
    for (const [, x, y, rh, rw] of text.matchAll(RECTANGLE)) {
      const [left, bottom] = [Number(x) * SCALE, Number(y) * SCALE];
      const [right, top] = [left + Number(rw) * SCALE, bottom + Number(rh) * SCALE];
      for (let row = Math.max(0, Math.round(h - top)); row < Math.min(h, Math.round(h - bottom)); row++)
        for (let col = Math.max(0, Math.round(left)); col < Math.min(w, Math.round(right)); col++)
          pixels.fill(0, (row * w + col) * 4, (row * w + col) * 4 + 3);
    }
  }
  // Loaded on use: jsQR is a development dependency, and the package index exports this helper.
  const { default: jsQR } = await import('jsqr');
  return jsQR(pixels, w, h)?.data;
}
