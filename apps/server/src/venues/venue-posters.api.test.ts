import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAgent } from '../testing/console-test-kit.js';
import { pdfQrText } from '../testing/pdf-qr.js';
import { market, startVenueTestApp, type VenueTestApp, type VenueView } from '../testing/venue-test-app.js';
import { A5 } from './venue-poster.js';

// Venue posters (one PDF, a ZIP of an organisation's) and the CSV import.
let t: VenueTestApp['t'];
let officer: VenueTestApp['officer'];
let raw: VenueTestApp['raw'];
let create: VenueTestApp['create'];

beforeAll(async () => {
  ({ t, officer, raw, create } = await startVenueTestApp());
}, 120_000);
afterAll(() => t.app.close());

describe('venues on the console', () => {
  it('prints A4 and A5 posters whose QR code decodes to the venue URL', async () => {
    const event = (
      await create(officer, {
        ...market,
        name: 'Đám cưới Minh & Lan',
        locationType: 11,
        startsAt: '2026-03-14T17:00+07:00',
        endsAt: '2026-03-14T21:00+07:00',
      })
    ).json as unknown as VenueView;
    for (const size of ['a4', 'a5'] as const) {
      const pdf = await raw(officer, `/console/api/venues/${event.id}/poster.pdf?size=${size}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const bytes = new Uint8Array(pdf.rawPayload);
      expect(await pdfQrText(bytes)).toBe(event.url);
      const page = (await PDFDocument.load(bytes)).getPage(0).getSize();
      if (size === 'a5') expect(page).toEqual(A5);
    }
    const other = await userAgent(t, { role: 'province', province: 'VN-06' });
    expect((await raw(other, `/console/api/venues/${event.id}/poster.pdf`)).statusCode).toBe(403);
    expect((await raw(officer, `/console/api/venues/${event.id}/poster.pdf?size=a3`)).statusCode).toBe(400);
  }, 60_000);

  it("imports an organisation's venues from CSV with every error by line, all or nothing, and zips their posters", async () => {
    const org = await officer.request('POST', '/console/api/campaigns/organisations', {
      name: 'Trường THPT Lê Quý Đôn',
      type: 'school',
      province: 'VN-20',
    });
    const code = String(org.json.code);
    const header = 'name,address,type,check_in_minutes,start,end,district';
    const bad = [
      header,
      '"Cổng chính, nhà A",Số 1 Lê Lợi,7,30,,,',
      'Hội trường,Số 1 Lê Lợi,11,120,,,',
      'Thư viện,Số 1 Lê Lợi,15,30,,,',
      'Căng tin,,4,abc,,,',
      '"Phòng thi ""A""",Số 1 Lê Lợi,2,90,2026-03-12T07:00+07:00,2026-03-12T11:00+07:00,99999',
    ].join('\n');
    const refused = await officer.request('POST', '/console/api/venues/import', {
      csv: bad,
      organisation: code,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errorCode).toBe('import_invalid');
    const errors = refused.json.errors as { line: number; column: string | null }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'end'],
      [4, 'type'],
      [5, 'check_in_minutes'],
      [5, 'address'],
      [6, 'district'],
    ]);
    expect(
      ((await officer.request('GET', `/console/api/venues?organisation=${code}`)).json.venues as []).length,
    ).toBe(0);

    const good = [
      header,
      '"Cổng chính, nhà A",Số 1 Lê Lợi,7,30,,,',
      '"Phòng thi ""A""",Số 1 Lê Lợi,2,90,2026-03-12T07:00+07:00,2026-03-12T11:00+07:00,',
    ].join('\r\n');
    const imported = await officer.request('POST', '/console/api/venues/import', {
      csv: good,
      organisation: code,
    });
    expect(imported.status).toBe(200);
    expect(imported.json.imported).toBe(2);
    const venues = imported.json.venues as VenueView[];
    expect(venues.map((v) => [v.name, v.organisation, v.province])).toEqual([
      ['Cổng chính, nhà A', code, 'VN-20'],
      ['Phòng thi "A"', code, 'VN-20'],
    ]);

    const zip = await raw(officer, `/console/api/venues/posters.zip?organisation=${code}&size=a5`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files)).toHaveLength(2);
    const urls = await Promise.all(Object.values(files).map((pdf) => pdfQrText(pdf)));
    expect(urls.sort()).toEqual(venues.map((v) => v.url).sort());
  }, 60_000);
});
