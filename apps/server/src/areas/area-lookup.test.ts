import { describe, expect, it } from 'vitest';
import { aggregateToSuccessor } from './aggregate-to-successor.js';
import {
  districtsOf,
  isProvinceCode,
  provinceByIso,
  provinceOfDistrict,
  successorOf,
} from './area-lookup.js';
import { successionProblems } from './area-set.consistency.js';
import { areaSet } from './area-set.loader.js';

const vn2020 = areaSet('vn-2020');
const vn2025 = areaSet('vn-2025');

describe('lookups', () => {
  it('finds provinces by ISO code and tells codes from anything else', () => {
    expect(provinceByIso(vn2020, 'VN-20')?.vi).toBe('Thái Bình');
    expect(provinceByIso(vn2020, 'VN-99')).toBeUndefined();
    expect(isProvinceCode(vn2020, 'VN-06')).toBe(true);
    for (const bad of ['VN-6', 'vn-06', '', 6, null, undefined, 'VN-06 '])
      expect(isProvinceCode(vn2020, bad)).toBe(false);
  });

  it('lists the districts of a province, and the province of a district', () => {
    expect(districtsOf(vn2020, 'VN-20').map((d) => d.vi)).toEqual([
      'Thái Bình',
      'Quỳnh Phụ',
      'Hưng Hà',
      'Đông Hưng',
      'Thái Thụy',
      'Tiền Hải',
      'Kiến Xương',
      'Vũ Thư',
    ]);
    expect(districtsOf(vn2020, 'VN-99')).toEqual([]);
    expect(districtsOf(vn2025, '33')).toEqual([]);
    expect(provinceOfDistrict(vn2020, '769')?.iso).toBe('VN-SG');
  });
});

describe('vn-2025', () => {
  it('has 34 units, no districts, and says districts were abolished', () => {
    expect(vn2025.provinces).toHaveLength(34);
    expect(vn2025.districtsAbolished).toBe(true);
    expect(vn2025.levels).toEqual(['province']);
    expect(vn2025.provinces.filter((p) => p.type === 'municipality')).toHaveLength(6);
  });

  it('maps every 2020 province to exactly one 2025 unit, populations being the sums of the parts', () => {
    expect(successionProblems(vn2020, vn2025)).toEqual([]);
    for (const p of vn2020.provinces) {
      const into = vn2025.provinces.filter((u) => u.formedFrom?.includes(p.code));
      expect(into, p.code).toHaveLength(1);
    }
    expect(vn2025.provinces.reduce((s, p) => s + p.population, 0)).toBe(96_208_984);
    expect(successorOf(vn2025, 'VN-20')?.vi).toBe('Hưng Yên');
    expect(successorOf(vn2025, 'VN-06')?.vi).toBe('Lào Cai');
    expect(successorOf(vn2025, 'VN-26')?.vi).toBe('Huế');
    expect(successorOf(vn2025, 'VN-99')).toBeUndefined();
  });

  it('reports a successor that loses or doubles a province', () => {
    const broken = {
      ...vn2025,
      provinces: vn2025.provinces.map((p) =>
        p.code === '33' ? { ...p, formedFrom: ['VN-66', 'VN-66'] } : p,
      ),
    };
    const problems = successionProblems(vn2020, broken).map((p) => p.message);
    expect(problems).toContain('VN-66 is already part of 33');
    expect(problems).toContain('no unit is formed from VN-20 of vn-2020');
  });
});

describe('aggregateToSuccessor', () => {
  it('adds 2020 counts into the 2025 units and reports codes it does not know', () => {
    const { counts, unknown } = aggregateToSuccessor(vn2025, {
      'VN-20': 223_074,
      'VN-66': 100,
      'VN-06': 5,
      XX: 9,
    });
    expect(counts.get('33')).toBe(223_174);
    expect(counts.get('15')).toBe(5);
    expect(counts.get('01')).toBe(0);
    expect(counts.size).toBe(34);
    expect(unknown).toEqual(['XX']);
    const fromMap = aggregateToSuccessor(vn2025, new Map([['VN-SG', 1]]));
    expect(fromMap.counts.get('79')).toBe(1);
  });
});
