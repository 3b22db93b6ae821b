import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { adoptionAreas } from './adoption-areas.js';

// Thái Bình is VN-20, Yên Bái VN-06. The test clock starts on 2026-03-10.

const install = (t: TestApp, body: Record<string, unknown>, remoteAddress = '192.0.2.1') =>
  t.app.server.inject({ method: 'POST', url: '/v1/adoption/install', payload: body, remoteAddress });
const active = (t: TestApp, body: Record<string, unknown>) =>
  t.app.server.inject({
    method: 'POST',
    url: '/v1/adoption/active',
    payload: body,
    remoteAddress: '192.0.2.2',
  });
const tb = { province: 'VN-20', district: '336', platform: 'android', appVersion: '4.0.2' };

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('adoption counts', () => {
    it('counts installs and active signals as daily counters, with nothing identifying stored', async () => {
      for (let i = 0; i < 12; i++)
        expect((await install(t, tb)).json()).toEqual({ counted: true, day: '2026-03-10' });
      for (let i = 0; i < 3; i++) await install(t, { ...tb, platform: 'ios', appVersion: '4.0.1' });
      await active(t, tb);
      await t.app.flushCounts();
      const rows = await t.app.core.database.inScriptTransaction((exec) =>
        exec('SELECT * FROM adoption_counts ORDER BY platform'),
      );
      expect(rows).toEqual([
        {
          day: expect.anything(),
          province: 'VN-20',
          district: '336',
          organisation: '',
          channel: '',
          platform: 'android',
          app_version: '4.0.2',
          installs: 12,
          active: 1,
        },
        {
          day: expect.anything(),
          province: 'VN-20',
          district: '336',
          organisation: '',
          channel: '',
          platform: 'ios',
          app_version: '4.0.1',
          installs: 3,
          active: 0,
        },
      ]);
      const columns = await t.app.core.database.inScriptTransaction((exec) =>
        exec(
          "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'adoption_counts' ORDER BY ordinal_position",
        ),
      );
      // The day is a date (no time of day); no address, device, person or request identifier.
      expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
        'day:date',
        'province:text',
        'district:text',
        'organisation:text',
        'channel:text',
        'platform:text',
        'app_version:text',
        'installs:integer',
        'active:integer',
      ]);
      expect(t.logs.join('')).not.toContain('192.0.2.1');
    });

    it('refuses unknown areas and free text with named errors', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ ...tb, province: 'VN-99' }, 'unknown_province'],
        [{ ...tb, district: '132' }, 'unknown_district'],
        [{ ...tb, platform: 'symbian' }, 'invalid_request'],
        [{ ...tb, appVersion: 'device-7f3a' }, 'invalid_request'],
        [{ ...tb, deviceId: 'abc' }, 'invalid_request'],
      ];
      for (const [body, code] of cases) {
        const answer = await install(t, body, '192.0.2.50');
        expect([answer.statusCode, answer.json().errorCode]).toEqual([400, code]);
      }
    });

    it('rate-limits one client address, not the others', async () => {
      let last = 0;
      for (let i = 0; i < 121; i++)
        last = (await install(t, { ...tb, province: 'VN-06', district: undefined }, '198.51.100.7'))
          .statusCode;
      expect(last).toBe(429);
      expect(
        (await install(t, { province: 'VN-06', platform: 'web', appVersion: '4.0.2' }, '198.51.100.8'))
          .statusCode,
      ).toBe(200);
    });
  });

  describe('console views', () => {
    it('ranks provinces by adoption rate and keeps a Thái Bình officer out of Yên Bái', async () => {
      const set = adoptionAreas();
      // Sixteen provinces ahead of Thái Bình: it is 17th of 63, as in August 2020.
      const ahead = set.provinces
        .filter((p) => p.code !== 'VN-20')
        .slice(0, 16)
        .map((p) => p.code);
      const lines = set.provinces.map((p) => {
        const rate = p.code === 'VN-20' ? 0.2386 : ahead.includes(p.code) ? 0.5 : 0.1;
        return `2026-03-09,${p.code},,google-play,${Math.round(p.population * rate)}`;
      });
      const national = await userAgent(t, { role: 'national' });
      const imported = await national.request('POST', '/console/api/adoption/import', {
        csv: ['date,province,district,source,installs', ...lines].join('\n'),
      });
      expect(imported.json).toEqual({ imported: 63, sources: ['google-play'] });
      const view = (await national.request('GET', '/console/api/adoption/national')).json as {
        provinces: { iso: string; rankLabel: string; installs: { value: number } }[];
        top: unknown[];
        bottom: unknown[];
        nationalTarget: { users: number };
      };
      const thaiBinh = view.provinces.find((p) => p.iso === 'VN-20');
      expect(thaiBinh?.rankLabel).toBe('17/63');
      expect(view.top).toHaveLength(5);
      expect(view.bottom).toHaveLength(5);
      expect(view.nationalTarget.users).toBe(50_000_000);

      const officer = await userAgent(t, { role: 'province', province: 'VN-20' });
      for (const url of [
        '/console/api/adoption/provinces/VN-06',
        '/console/api/adoption/timeseries?province=VN-06',
      ]) {
        const answer = await officer.request('GET', url);
        expect([answer.status, answer.json.errorCode], url).toEqual([403, 'forbidden_area']);
      }
      const own = await officer.request('GET', '/console/api/adoption/provinces/VN-20');
      expect(own.status).toBe(200);
      expect(own.json.rankLabel).toBe('17/63');
      const districts = own.json.districts as {
        code: string;
        installs: { value: number | null; suppressed: boolean };
      }[];
      expect(districts.find((d) => d.code === '336')?.installs).toEqual({ value: 15, suppressed: false });
      expect(districts.find((d) => d.code === '338')?.installs).toEqual({ value: null, suppressed: true });
      const csv = async (agent: { cookie: string }, path: string) => {
        const answer = await t.app.server.inject({
          method: 'GET',
          url: `/console/api/adoption/${path}?format=csv`,
          headers: { cookie: agent.cookie },
        });
        return { status: answer.statusCode, lines: answer.body.trim().split('\n') };
      };
      const all = await csv(national, 'national');
      expect(all.lines).toHaveLength(64);
      expect(all.lines.find((l) => l.startsWith('VN-20,'))).toMatch(/,17\/63$/);
      expect((await csv(officer, 'provinces/VN-06')).status).toBe(403);
      const districtsCsv = await csv(officer, 'provinces/VN-20');
      expect(districtsCsv.lines[0]).toBe('district,name_vi,name_en,installs,installs_suppressed');
      expect(districtsCsv.lines).toContain('336,Thái Bình,Thai Binh,15,0');
      expect(districtsCsv.lines).toContain('338,Quỳnh Phụ,Quynh Phu,,1');
      const caseworker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      expect((await caseworker.request('GET', '/console/api/adoption/national')).json.errorCode).toBe(
        'forbidden_role',
      );
      expect((await call(t, 'GET', '/console/api/adoption/national')).json.errorCode).toBe('not_signed_in');
    });

    it('reports CSV errors line by line and stores nothing', async () => {
      const national = await userAgent(t, { role: 'national' });
      const answer = await national.request('POST', '/console/api/adoption/import', {
        csv: 'date,province,district,source,installs\n2026-03-08,VN-20,,viettel,50\n2026-03-08,VN-20,,viettel,x\n2026-03-08,VN-77,,viettel,5',
      });
      expect(answer.status).toBe(400);
      expect(answer.json.errorCode).toBe('import_invalid');
      expect(answer.json.errors).toEqual([
        { line: 3, column: 'installs', message: expect.any(String) },
        { line: 4, column: 'province', message: expect.any(String) },
      ]);
      const rows = await t.app.core.database.inScriptTransaction((exec) =>
        exec("SELECT count(*)::int AS n FROM adoption_imports WHERE source = 'viettel'"),
      );
      expect(rows[0]?.n).toBe(0);
    });
  });
});
