import { zipSync } from 'fflate';
import { A4, drawQrCode, pageWriter, posterDocument, posterFont } from '../campaigns/poster-pdf.js';
import type { TrueTypeFont } from '../campaigns/ttf-parse.js';

// A venue's check-in poster: A4 for the door, A5 for a table stand. The QR code is the venue's event
// URL (CWA's format); the texts are in Vietnamese and English, in the embedded Vietnamese font.

/** A5 in PDF points (a table stand). */
export const A5 = { width: 419.53, height: 595.28 } as const;
export type PosterSize = 'a4' | 'a5';

export interface VenuePosterInput {
  readonly name: string;
  readonly address: string;
  /** The QR code's text: `https://<host>/c?v=1#<payload>`. */
  readonly url: string;
  /** "08/03/2026 07:00 – 11:00" for an event; empty for a place. */
  readonly when: string;
}

/** One page of the given size: title, venue name and address, the QR code, the instructions. */
export async function venuePosterPdf(
  input: VenuePosterInput,
  size: PosterSize = 'a4',
  font: TrueTypeFont | null = posterFont(),
): Promise<Uint8Array> {
  const page = size === 'a4' ? A4 : A5;
  // Everything is laid out for A4 and scaled down for A5 (the same proportions).
  const k = page.width / A4.width;
  const doc = await posterDocument(input.name, input.url);
  const sheet = doc.addPage([page.width, page.height]);
  const { write, finish } = await pageWriter(doc, sheet, font);
  const at = (y: number, text: string, points: number, grey = false) => write(text, y * k, points * k, grey);

  at(775, 'Bluezone', 40);
  at(735, 'Quét mã để khai báo vào / Scan to check in', 22);
  at(695, input.name.slice(0, 60), 22);
  at(670, input.address.slice(0, 80), 13, true);
  if (input.when) at(650, input.when, 13, true);
  const qr = 330 * k;
  drawQrCode(doc, sheet, input.url, { left: (page.width - qr) / 2, top: 635 * k, size: qr });
  at(280, 'Mở Bluezone, chọn "Quét mã", hướng camera vào mã này.', 14);
  at(260, 'Open Bluezone, choose "Scan", point the camera at this code.', 12, true);
  at(225, 'Điện thoại tự trả địa điểm khi hết giờ; bạn có thể trả sớm hơn.', 12);
  at(208, 'Your phone checks out automatically; you can check out earlier.', 11, true);
  at(150, 'Khai báo chỉ lưu trên điện thoại của bạn, không gửi đi đâu.', 12);
  at(133, 'Check-ins stay on your phone; nothing is sent anywhere.', 11, true);
  at(95, 'Nếu có người nhiễm từng ở đây cùng lúc với bạn, Bluezone sẽ báo.', 11);
  at(79, 'If someone infected was here at the same time, Bluezone warns you.', 10, true);
  at(45, 'Bộ Y tế — Ministry of Health', 10, true);
  finish();
  return doc.save({ useObjectStreams: false });
}

/** A ZIP of PDFs (`name` → bytes), stored without compression (PDF streams are deflated already). */
export function posterZip(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const file of files)
    entries[file.name] = [file.bytes, { level: 0, mtime: new Date('2020-01-01T00:00:00Z') }];
  return zipSync(entries);
}

/** A file name of a venue: ASCII letters and digits of its name, then its id's first 8 characters. */
export function posterFileName(name: string, id: string, size: PosterSize): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .toLowerCase();
  return `${ascii || 'venue'}-${id.slice(0, 8)}-${size}.pdf`;
}
