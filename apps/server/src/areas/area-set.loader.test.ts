import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_DATA_DIR, AreaDataError, areaSet, parseAreaSet, readAreaSetFile } from './area-set.loader.js';

const vn2020 = areaSet('vn-2020');
const NATIONAL_2019 = 96_208_984;

// The six socio-economic regions with their published 2019 totals: a province in the wrong place or a
// wrong figure breaks one of them.
const REGIONS: Record<string, [number, string[]]> = {
  'Northern Midlands and Mountains': [
    12_532_866,
    ['03', '04', '53', '07', '02', '06', '69', '09', '54', '68', '71', '01', '05', '14'],
  ],
  'Red River Delta': [22_543_607, ['HN', '70', '56', '13', '61', 'HP', '66', '20', '63', '67', '18']],
  'North and South Central Coast': [
    20_187_293,
    ['21', '22', '23', '24', '25', '26', 'DN', '27', '29', '31', '32', '34', '36', '40'],
  ],
  'Central Highlands': [5_842_681, ['28', '30', '33', '72', '35']],
  Southeast: [17_828_907, ['58', '37', '57', '39', '43', 'SG']],
  'Mekong Delta': [
    17_273_630,
    ['41', '46', '50', '51', '49', '45', '44', '47', 'CT', '73', '52', '55', '59'],
  ],
};

describe('vn-2020', () => {
  it('has the 63 provinces, each ISO code once, all of the form VN-nn or VN-XX', () => {
    expect(vn2020.provinces).toHaveLength(63);
    const isos = vn2020.provinces.map((p) => p.iso);
    expect(new Set(isos).size).toBe(63);
    for (const iso of isos) expect(iso).toMatch(/^VN-(\d{2}|HN|SG|HP|DN|CT)$/);
    expect(vn2020.provinces.filter((p) => p.type === 'municipality').map((p) => p.iso)).toEqual(
      expect.arrayContaining(['VN-HN', 'VN-SG', 'VN-HP', 'VN-DN', 'VN-CT']),
    );
  });

  it('has Thái Bình (VN-20) and Yên Bái (VN-06) with their 2019 census populations', () => {
    const thaiBinh = vn2020.provinces.find((p) => p.iso === 'VN-20');
    expect(thaiBinh).toMatchObject({
      vi: 'Thái Bình',
      en: 'Thai Binh',
      gsoCode: '34',
      population: 1_860_447,
    });
    expect(vn2020.provinces.find((p) => p.iso === 'VN-06')).toMatchObject({
      vi: 'Yên Bái',
      en: 'Yen Bai',
      population: 821_030,
    });
  });

  it('adds up to the national 2019 census total, and every region to its own', () => {
    expect(vn2020.populationTotal).toBe(NATIONAL_2019);
    expect(vn2020.provinces.reduce((s, p) => s + p.population, 0)).toBe(NATIONAL_2019);
    const seen = new Set<string>();
    for (const [name, [total, codes]] of Object.entries(REGIONS)) {
      const sum = codes.reduce(
        (s, c) => s + (vn2020.provinces.find((p) => p.iso === `VN-${c}`)?.population ?? NaN),
        0,
      );
      expect(sum, name).toBe(total);
      for (const c of codes) seen.add(c);
    }
    expect(seen.size).toBe(63);
  });

  it('puts every district in exactly one province, with a unique code and both names', () => {
    const all = vn2020.provinces.flatMap((p) => p.districts.map((d) => ({ ...d, province: p.iso })));
    expect(all.length).toBeGreaterThanOrEqual(700);
    expect(all.length).toBeLessThanOrEqual(715);
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    for (const p of vn2020.provinces) expect(p.districts.length, p.iso ?? '').toBeGreaterThan(0);
    for (const d of all) expect(d.en, d.code).toMatch(/^[\x20-\x7e]+$/);
    const hoangSa = all.find((d) => d.vi === 'Hoàng Sa');
    const truongSa = all.find((d) => d.vi === 'Trường Sa');
    expect(hoangSa?.province).toBe('VN-DN');
    expect(truongSa?.province).toBe('VN-34');
  });

  it('cites its sources with publisher, address, date and licence', () => {
    expect(vn2020.sources.length).toBeGreaterThan(2);
    for (const s of vn2020.sources) expect(s.url).toMatch(/^https:\/\//);
  });
});

describe('loading a data file', () => {
  it('reports every problem at once, each with its JSON path', () => {
    const broken = {
      ...vn2020,
      version: 'one',
      provinces: [
        { ...vn2020.provinces[0], population: -1, districts: [{ code: '001', vi: '', en: 'Bà', type: 'x' }] },
        vn2020.provinces[1],
      ],
    };
    const error = (() => {
      try {
        parseAreaSet(broken, 'vn-2020');
      } catch (e) {
        return e as AreaDataError;
      }
    })();
    expect(error).toBeInstanceOf(AreaDataError);
    expect(error?.problems.map((p) => p.path)).toEqual([
      '$.version',
      '$.provinces[0].population',
      '$.provinces[0].districts[0].vi',
      '$.provinces[0].districts[0].en',
      '$.provinces[0].districts[0].type',
    ]);
  });

  it('checks consistency: duplicate codes, totals, the file name', () => {
    const twice = { ...vn2020, provinces: [vn2020.provinces[0], vn2020.provinces[0]] };
    const error = (() => {
      try {
        parseAreaSet(twice, 'vn-2021');
      } catch (e) {
        return e as AreaDataError;
      }
    })();
    const paths = error?.problems.map((p) => p.path) ?? [];
    expect(paths).toContain('$.id');
    expect(paths).toContain('$.provinces[1].iso');
    expect(paths).toContain('$.provinces[1].districts[0].code');
    expect(paths).toContain('$.populationTotal');
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'areas-'));
    writeFileSync(join(dir, 'xx-1.json'), '{ not json');
    expect(() => readAreaSetFile(join(dir, 'xx-1.json'))).toThrow(/xx-1\.json: 1 problem/);
    expect(readAreaSetFile(join(AREA_DATA_DIR, 'vn-2025.json')).provinces).toHaveLength(34);
  });
});
