import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  type PDFPage,
  PDFString,
  rgb,
  StandardFonts,
  setFillingRgbColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { EmbeddedFont } from './ttf-font.js';
import { loadVietnameseFont, type TrueTypeFont } from './ttf-parse.js';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface PosterInput {
  /** Whose poster: an organisation's or a venue's name (shown as given). */
  readonly name: string;
  readonly installUrl: string;
  /** Shown under the QR code, e.g. the invite code. */
  readonly code: string;
}

type Write = (text: string, y: number, size: number, grey?: boolean) => void;
export interface Writer {
  readonly write: Write;
  /** Completes the font objects, before saving. */
  readonly finish: () => void;
}

/** Diacritics removed: only when no Vietnamese font is installed (docs/api.md says so). */
export const toAscii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');

/** The installed Vietnamese font, looked for once; null when there is none. */
let cachedFont: TrueTypeFont | null | undefined;
const defaultFont = (): TrueTypeFont | null => {
  if (cachedFont === undefined) cachedFont = loadVietnameseFont() ?? null;
  return cachedFont;
};

/** One A4 page: title, the QR code of the install link, the link, texts in Vietnamese and English. */
/** `font`: null draws the ASCII fallback (Helvetica, no diacritics). */
export async function posterPdf(
  input: PosterInput,
  font: TrueTypeFont | null = defaultFont(),
): Promise<Uint8Array> {
  const doc = await posterDocument(input.name, input.installUrl);
  const page = doc.addPage([A4.width, A4.height]);
  const { write, finish } = await pageWriter(doc, page, font);

  write('Bluezone', 770, 48);
  write('Bảo vệ mình, bảo vệ cộng đồng', 730, 22);
  write('Protect yourself, protect the community', 705, 15, true);
  write(input.name.slice(0, 60), 665, 20);

  drawQrCode(doc, page, input.installUrl, { left: (A4.width - 300) / 2, top: 640, size: 300 });

  write('Quét mã QR để cài đặt ứng dụng Bluezone', 310, 18);
  write('Scan the QR code to install the Bluezone app', 288, 14, true);
  write(input.installUrl, 255, 11);
  write(`Mã mời / Invite code: ${input.code}`, 225, 16);
  write('Bluezone không thu thập tên, số điện thoại hay vị trí của bạn.', 120, 11);
  write('Bluezone collects no name, phone number or location.', 103, 10, true);
  write('Bộ Y tế — Ministry of Health', 60, 10, true);
  finish();
  // No object streams: the link stays readable in the file, as in most PDFs.
  return doc.save({ useObjectStreams: false });
}

/** Where a QR code goes on a page, in points: its left edge, its top edge and its side. */
export interface QrBox {
  readonly left: number;
  readonly top: number;
  readonly size: number;
}

/** Draws the QR code of `url` (error correction M, a 4-module quiet zone) as a link to `url`. */
export function drawQrCode(doc: PDFDocument, page: PDFPage, url: string, box: QrBox): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const { left, top, size } = box;
  const cell = size / (qr.modules.size + 8);
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; ) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < qr.modules.size && qr.modules.get(row, col + run)) run++;
      page.drawRectangle({
        x: left + (col + 4) * cell,
        y: top - (row + 5) * cell,
        width: run * cell + 0.2,
        height: cell + 0.2,
        color: rgb(0, 0, 0),
      });
      col += run;
    }
  }
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [left, top - size, left + size, top],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(link);
}

/** Centred lines on `page`: in the embedded Vietnamese font, or ASCII Helvetica when `font` is null. */
export function pageWriter(doc: PDFDocument, page: PDFPage, font: TrueTypeFont | null): Promise<Writer> {
  return font ? Promise.resolve(unicodeWriter(doc, page, font)) : asciiWriter(doc, page);
}

/** A PDF document with Bluezone's fixed metadata (no dates: the same input gives the same bytes). */
export async function posterDocument(title: string, subject: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Bluezone — ${title}`);
  doc.setSubject(subject);
  doc.setCreator('Bluezone');
  doc.setProducer('Bluezone');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  return doc;
}

/** The installed Vietnamese font (null: none, the ASCII fallback). */
export const posterFont = (): TrueTypeFont | null => defaultFont();

function unicodeWriter(doc: PDFDocument, page: PDFPage, font: TrueTypeFont): Writer {
  const embedded = new EmbeddedFont(doc, font);
  const name = embedded.nameOn(page);
  const write: Write = (text, y, size, grey = false) => {
    const x = Math.max(20, (page.getWidth() - embedded.widthOf(text, size)) / 2);
    const shade = grey ? 0.35 : 0;
    page.pushOperators(
      beginText(),
      setFillingRgbColor(shade, shade, shade),
      setFontAndSize(name, size),
      moveText(x, y),
      showText(embedded.encode(text)),
      endText(),
    );
  };
  return { write, finish: () => embedded.finish() };
}

async function asciiWriter(doc: PDFDocument, page: PDFPage): Promise<Writer> {
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const write: Write = (text, y, size, grey = false) => {
    const ascii = toAscii(text);
    const x = Math.max(20, (page.getWidth() - helvetica.widthOfTextAtSize(ascii, size)) / 2);
    page.drawText(ascii, { x, y, size, font: helvetica, color: grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
  };
  return { write, finish: () => {} };
}
