import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '../adoption/invite-code.js';
import { userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Thái Bình is VN-20, Yên Bái VN-06. The test clock starts on 2026-03-10 at 08:00 UTC.

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('organisations, links, posters', () => {
    it('gives an organisation an invite code whose installs are counted, an SMS link and an A4 poster', async () => {
      const thaiBinh = await userAgent(t, { role: 'province', province: 'VN-20' });
      const org = await thaiBinh.request('POST', '/console/api/campaigns/organisations', {
        name: 'Liên đoàn Lao động tỉnh Thái Bình',
        type: 'union',
      });
      expect(org.status).toBe(200);
      const code = String(org.json.code);
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
      expect(org.json.installUrl).toBe(`http://localhost:80/app/?org=${code}`);

      const link = await thaiBinh.request('POST', '/console/api/campaigns/links', {
        channel: 'sms:viettel',
        organisation: code,
      });
      expect(link.status).toBe(200);
      const sms = link.json.sms as Record<
        'vi' | 'en',
        { text: string; length: number; segments: number; encoding: string }
      >;
      expect(sms.en).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(sms.en.length).toBeLessThanOrEqual(160);
      expect(sms.vi.encoding).toBe('UCS-2');
      expect(sms.vi.segments).toBeGreaterThanOrEqual(2);
      expect(sms.en.text).toContain(`/app/?org=${code}&ch=${link.json.code}`);
      const wrong = await thaiBinh.request('POST', '/console/api/campaigns/links', {
        channel: 'sms:unknown',
      });
      expect(wrong.json.errorCode).toBe('invalid_channel');

      for (let i = 0; i < 11; i++)
        await t.app.server.inject({
          method: 'POST',
          url: '/v1/adoption/install',
          payload: {
            province: 'VN-20',
            organisation: code,
            channel: link.json.code,
            platform: 'android',
            appVersion: '4.0.2',
          },
        });
      // With a single small cell ("no organisation": 0), the organisation would be suppressed too.
      for (let i = 0; i < 12; i++)
        await t.app.server.inject({
          method: 'POST',
          url: '/v1/adoption/install',
          payload: { province: 'VN-20', platform: 'ios', appVersion: '4.0.2' },
        });
      const listed = (await thaiBinh.request('GET', '/console/api/campaigns/organisations')).json
        .organisations as {
        code: string;
        installs: unknown;
      }[];
      expect(listed.find((o) => o.code === code)?.installs).toEqual({ value: 11, suppressed: false });

      const poster = await t.app.server.inject({
        method: 'GET',
        url: `/console/api/campaigns/organisations/${code}/poster.pdf`,
        headers: { cookie: thaiBinh.cookie },
      });
      expect(poster.statusCode).toBe(200);
      expect(poster.headers['content-type']).toBe('application/pdf');
      const pdf = await PDFDocument.load(poster.rawPayload);
      expect(pdf.getPageCount()).toBe(1);
      const { width, height } = pdf.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
      expect(poster.rawPayload.toString('latin1')).toContain(`(http://localhost:80/app/?org=${code})`);

      const yenBai = await userAgent(t, { role: 'province', province: 'VN-06' });
      for (const url of [
        `/console/api/campaigns/organisations/${code}/poster.pdf`,
        `/console/api/campaigns/links/${link.json.code}/poster.pdf`,
        '/console/api/campaigns/organisations?province=VN-20',
      ]) {
        const answer = await yenBai.request('GET', url);
        expect([answer.status, answer.json.errorCode], url).toEqual([403, 'forbidden_area']);
      }
      expect(
        (await yenBai.request('DELETE', `/console/api/campaigns/organisations/${code}`)).json.errorCode,
      ).toBe('forbidden_area');
      expect((await thaiBinh.request('DELETE', `/console/api/campaigns/organisations/${code}`)).json).toEqual(
        { deleted: true },
      );
      expect(
        (await thaiBinh.request('GET', `/console/api/campaigns/links/${link.json.code}/poster.pdf`)).json
          .errorCode,
      ).toBe('link_not_found');
    });
  });
});
